import { beforeAll, describe, expect, it } from "vitest";
import { authorizeOrg } from "@/lib/auth/access";
import { findingScopeOf, type TFindingScope } from "@/lib/auth/visibility-scope";
import { pool } from "@/lib/server/db";
import {
  addMember,
  addTeamMember,
  createMember,
  createTestCluster,
  createTestOrg,
  createTestTeam,
  createTestUser,
} from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import {
  findVisibleImage,
  getVulnerability,
  hasTrivyReport,
  listVulnerabilities,
  listVulnerableImages,
} from "./queries";
import { resolveTeamFilter } from "./team-filter";
import { storeAndProcess } from "@/lib/testing/reports";
import { fixtureJson } from "@/lib/testing/fixtures";

type TJson = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const TRIVY = fixtureJson("../shared/fixtures/trivy-insights/v0.26-latest.json") as TJson;
const NGINX = "docker.io/library/nginx:latest";

/** The fixture, plus nginx:latest (same digest) also run by a Deployment in kube-system. */
function sharedNginxReport(): Buffer {
  const json = structuredClone(TRIVY);
  const nginx = json.Images.find((i: TJson) => i.Name === NGINX);
  json.Images.push({ ...nginx, Namespace: "kube-system", OwnerKind: "Deployment", OwnerName: "debug-nginx" });
  return Buffer.from(JSON.stringify(json));
}

async function scopeOf(user: { id: string; email: string; name: string | null }, slug: string) {
  signInAs({ id: user.id, email: user.email, name: user.name ?? "" });
  return findingScopeOf(await authorizeOrg(slug));
}

async function allImages(scope: TFindingScope, options: Parameters<typeof listVulnerableImages>[1] = {}) {
  return (await listVulnerableImages(scope, { ...options, limit: 100 })).data;
}

const include = (namespace: string) => ({ effect: "include" as const, cluster: "*", namespace, kind: "*", name: "*" });

let org: { id: string; slug: string };
let apps: { id: string; slug: string };
let platform: { id: string; slug: string };
let admin: TFindingScope;
let appsDev: TFindingScope;
let platformDev: TFindingScope;
let otherOrgAdmin: TFindingScope;
let appsDevUser: Awaited<ReturnType<typeof createTestUser>>;

beforeAll(async () => {
  org = await createTestOrg();
  // Platform has the higher priority, so it owns the findings of the image both teams run.
  platform = await createTestTeam(org.id, { priority: 10, rules: [include("kube-system")] });
  apps = await createTestTeam(org.id, { priority: 100, rules: [include("default")] });
  const cluster = await createTestCluster(org.id, { slug: "prod" });
  await storeAndProcess(org.id, cluster.id, "trivy", sharedNginxReport());

  appsDevUser = await createMember(org.id, "member");
  await addTeamMember(org.id, apps.id, appsDevUser.id, "editor");
  const platformUser = await createMember(org.id, "member");
  await addTeamMember(org.id, platform.id, platformUser.id, "viewer");
  admin = await scopeOf(await createMember(org.id, "admin"), org.slug);
  appsDev = await scopeOf(appsDevUser, org.slug);
  platformDev = await scopeOf(platformUser, org.slug);

  // Another org with one image of its own (curl), from the same kind of report.
  const other = await createTestOrg();
  const otherCluster = await createTestCluster(other.id, { slug: "prod" });
  const curlOnly = structuredClone(TRIVY);
  curlOnly.Images = curlOnly.Images.filter((i: TJson) => i.Name.includes("curl"));
  await storeAndProcess(other.id, otherCluster.id, "trivy", Buffer.from(JSON.stringify(curlOnly)));
  const otherAdmin = await createTestUser();
  await addMember(other.id, otherAdmin.id, "admin");
  otherOrgAdmin = await scopeOf(otherAdmin, other.slug);
}, 120_000);

/** Distinct CVEs per image and severity, straight from the findings table (open only). */
async function expectedCounts(orgId: string) {
  const { rows } = await pool.query<{ name: string; severity: string; n: number }>(
    `SELECT i.name, f.severity, count(DISTINCT f.vulnerability_id)::int AS n
       FROM findings f JOIN images i ON i.id = f.image_id
      WHERE f.org_id = $1 AND f.source = 'trivy' AND f.state = 'open' GROUP BY 1, 2`,
    [orgId],
  );
  const counts = new Map<string, Record<string, number>>();
  for (const r of rows) counts.set(r.name, { ...counts.get(r.name), [r.severity]: r.n });
  return counts;
}

describe("vulnerabilities by image", () => {
  it("lists every vulnerable image for an org admin, worst first, with counts equal to the findings", async () => {
    const images = await allImages(admin);
    const expected = await expectedCounts(org.id);
    expect(images.map((i) => i.name).sort()).toEqual([...expected.keys()].sort());
    for (const image of images) {
      const want = expected.get(image.name)!;
      expect(image.counts).toEqual({
        critical: want.critical ?? 0,
        high: want.high ?? 0,
        medium: want.medium ?? 0,
        low: want.low ?? 0,
      });
    }
    const key = (i: (typeof images)[number]) => [i.counts.critical, i.counts.high, i.counts.medium, i.counts.low];
    for (let n = 1; n < images.length; n++) {
      const [a, b] = [key(images[n - 1]), key(images[n])];
      const order = a.findIndex((v, k) => v !== b[k]);
      if (order >= 0) expect(a[order]).toBeGreaterThan(b[order]);
    }
    const nginx = images.find((i) => i.name === NGINX)!;
    expect(nginx).toMatchObject({ repository: "docker.io/library/nginx", tag: "latest" });
    expect(nginx.digestShort).toMatch(/^[0-9a-f]{12}$/);
    expect(nginx.clusters).toEqual([{ slug: "prod", name: expect.any(String) }]);
    expect(nginx.workloads.map((w) => `${w.namespace}/${w.name}:${w.team?.slug ?? "-"}`).sort()).toEqual([
      `default/nginx:${apps.slug}`,
      `kube-system/debug-nginx:${platform.slug}`,
    ]);
    expect(nginx.teams.map((t) => t.slug).sort()).toEqual([apps.slug, platform.slug].sort());
    expect(images.find((i) => i.name.includes("cert-manager"))).toBeUndefined();
  });

  it("pages with opaque cursors forwards and back, never repeating or skipping an image", async () => {
    const all = (await allImages(admin)).map((i) => i.id);
    const seen: string[] = [];
    let page = await listVulnerableImages(admin, { limit: 4 });
    expect(page.prev).toBeNull();
    const pages = [page];
    seen.push(...page.data.map((i) => i.id));
    while (page.next) {
      expect(page.next).not.toMatch(/[{}"]/);
      page = await listVulnerableImages(admin, { limit: 4, cursor: page.next });
      pages.push(page);
      seen.push(...page.data.map((i) => i.id));
    }
    expect(seen).toEqual(all);
    expect(pages.length).toBe(Math.ceil(all.length / 4));
    const back = await listVulnerableImages(admin, { limit: 4, cursor: pages[2].prev! });
    expect(back.data.map((i) => i.id)).toEqual(pages[1].data.map((i) => i.id));
    const first = await listVulnerableImages(admin, { limit: 4, cursor: back.prev! });
    expect(first.data.map((i) => i.id)).toEqual(pages[0].data.map((i) => i.id));
    expect(first.prev).toBeNull();
    // A cursor that is not ours starts from the top instead of failing.
    expect((await listVulnerableImages(admin, { limit: 4, cursor: "garbage" })).data).toEqual(pages[0].data);
  });

  it("shows a team member only the images their workloads run, with only their own workloads", async () => {
    const images = await allImages(appsDev);
    expect(images.map((i) => i.name).sort()).toEqual(["docker.io/ivanfetch/noisy-neighbor:0.4.0", NGINX]);
    const nginx = images.find((i) => i.name === NGINX)!;
    // Platform owns these findings, but apps runs the image: same CVEs, apps' workload only.
    expect(nginx.counts).toEqual((await allImages(admin)).find((i) => i.name === NGINX)!.counts);
    expect(nginx.workloads.map((w) => w.name)).toEqual(["nginx"]);
    expect(nginx.teams.map((t) => t.slug)).toEqual([apps.slug]);

    const platformImages = (await allImages(platformDev)).map((i) => i.name);
    expect(platformImages).toContain(NGINX);
    expect(platformImages).toContain("k8s.gcr.io/coredns/coredns:v1.8.0");
    expect(platformImages).not.toContain("docker.io/ivanfetch/noisy-neighbor:0.4.0");
  });

  it("narrows to one team with ?team=, ignoring a team the member cannot see", async () => {
    signInAs({ id: appsDevUser.id, email: appsDevUser.email, name: "" });
    const access = await authorizeOrg(org.slug);
    const foreign = await resolveTeamFilter(access, platform.slug);
    expect(foreign.selected).toBeNull();
    expect(foreign.teams.map((t) => t.slug)).toEqual([apps.slug]);
    expect(foreign.scope).toEqual(appsDev);

    const adminUser = await createMember(org.id, "admin");
    signInAs({ id: adminUser.id, email: adminUser.email, name: "" });
    const adminAccess = await authorizeOrg(org.slug);
    const onlyApps = await resolveTeamFilter(adminAccess, apps.slug);
    expect(onlyApps.selected).toBe(apps.slug);
    expect((await allImages(onlyApps.scope)).map((i) => i.name).sort()).toEqual(
      (await allImages(appsDev)).map((i) => i.name).sort(),
    );
    const unassigned = await resolveTeamFilter(adminAccess, "unassigned");
    const orphans = (await allImages(unassigned.scope)).map((i) => i.name);
    expect(orphans).toContain("quay.io/fairwinds/fw-trivy:0.18");
    expect(orphans).not.toContain("docker.io/ivanfetch/noisy-neighbor:0.4.0");
  });

  it("filters by name and by fix available", async () => {
    expect((await allImages(admin, { q: "NGINX" })).map((i) => i.tag).sort()).toEqual(["1.23.0", "latest"]);
    expect(await allImages(admin, { q: "100%_sure" })).toEqual([]);
    const all = await allImages(admin);
    const fixable = await allImages(admin, { fixAvailable: true });
    expect(fixable.length).toBeGreaterThan(0);
    for (const image of fixable) {
      expect(image.fixable).toBe(image.total);
      expect(image.total).toBe(all.find((i) => i.id === image.id)!.fixable);
    }
  });

  it("counts only open findings unless snoozed and resolved ones are asked for", async () => {
    const { rows } = await pool.query<{ id: string }>(
      `SELECT f.id FROM findings f JOIN images i ON i.id = f.image_id
        WHERE f.org_id = $1 AND i.name = 'docker.io/ivanfetch/noisy-neighbor:0.4.0'`,
      [org.id],
    );
    await pool.query(`UPDATE findings SET resolution = 'will_not_fix' WHERE id = ANY($1::uuid[])`, [
      rows.map((r) => r.id),
    ]);
    try {
      expect((await allImages(appsDev)).map((i) => i.name)).toEqual([NGINX]);
      const triaged = await allImages(appsDev, { includeTriaged: true });
      expect(triaged.find((i) => i.name.includes("noisy-neighbor"))?.total).toBe(rows.length);
    } finally {
      await pool.query(`UPDATE findings SET resolution = NULL WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id)]);
    }
  });

  it("never shows another org's images", async () => {
    const mine = await allImages(otherOrgAdmin);
    expect(mine.map((i) => i.name)).toEqual(["docker.io/curlimages/curl:7.79.1"]);
    const theirs = (await allImages(admin)).find((i) => i.name === NGINX)!;
    expect(await findVisibleImage(otherOrgAdmin, theirs.id)).toBeNull();
    expect(await findVisibleImage(admin, theirs.id)).toMatchObject({ name: NGINX });
    expect(await findVisibleImage(admin, "not-a-uuid")).toBeNull();
  });
});

describe("vulnerabilities by CVE", () => {
  it("lists CVEs worst first with images, workloads, package versions and links", async () => {
    const page = await listVulnerabilities(admin, { limit: 100 });
    const scores = page.data.map((v) => v.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const distinct = await pool.query<{ n: number }>(
      `SELECT count(DISTINCT vulnerability_id)::int AS n FROM findings WHERE org_id = $1 AND state = 'open'`,
      [org.id],
    );
    let total = page.data.length;
    let next = page.next;
    while (next) {
      const more = await listVulnerabilities(admin, { limit: 100, cursor: next });
      total += more.data.length;
      next = more.next;
    }
    expect(total).toBe(distinct.rows[0].n);
    const top = page.data[0];
    expect(top.severity).toBe("critical");
    expect(top.packages.length).toBeGreaterThan(0);
    expect(top.workloads).toBeGreaterThan(0);
    expect(top.references.every((r) => r.startsWith("http"))).toBe(true);
  });

  it("filters by image, text and fix available", async () => {
    const nginx = (await allImages(admin)).find((i) => i.name === NGINX)!;
    const ofNginx = await listVulnerabilities(admin, { imageId: nginx.id, limit: 100 });
    let count = ofNginx.data.length;
    for (let next = ofNginx.next; next;) {
      const more = await listVulnerabilities(admin, { imageId: nginx.id, limit: 100, cursor: next });
      count += more.data.length;
      next = more.next;
    }
    expect(count).toBe(nginx.total);

    const sample = ofNginx.data.find((v) => v.packages[0]?.name)!;
    const byId = await listVulnerabilities(admin, { q: sample.id.toLowerCase() });
    expect(byId.data.map((v) => v.id)).toContain(sample.id);
    const byPackage = await listVulnerabilities(admin, { q: sample.packages[0].name, limit: 100 });
    expect(byPackage.data.every((v) => v.packages.some((p) => p.name.includes(sample.packages[0].name)))).toBe(true);

    const fixable = await listVulnerabilities(admin, { fixAvailable: true, limit: 100 });
    expect(fixable.data.length).toBeGreaterThan(0);
    expect(fixable.data.every((v) => v.fixable && v.packages.some((p) => p.fixed))).toBe(true);
  });

  it("gives a CVE's advisory and the affected images with the workloads the caller sees", async () => {
    const nginx = (await allImages(admin)).find((i) => i.name === NGINX)!;
    const cve = (await listVulnerabilities(appsDev, { imageId: nginx.id })).data[0];
    const asApps = await getVulnerability(appsDev, cve.id);
    expect(asApps).not.toBeNull();
    expect(asApps!.description.length).toBeGreaterThan(0);
    const image = asApps!.affected.find((i) => i.name === NGINX)!;
    expect(image.findings).toHaveLength(1);
    expect(image.findings[0]).toMatchObject({ state: "open", cluster: { slug: "prod" } });
    expect(image.findings[0].workloads.map((w) => [w.name, w.team?.slug])).toEqual([["nginx", apps.slug]]);
    const asAdmin = await getVulnerability(admin, cve.id);
    const adminImage = asAdmin!.affected.find((i) => i.name === NGINX)!;
    expect(adminImage.findings[0].workloads).toHaveLength(2);
  });

  it("answers null for a CVE only in images other teams run, and for another org", async () => {
    const { rows } = await pool.query<{ vulnerability_id: string }>(
      `SELECT f.vulnerability_id FROM findings f JOIN images i ON i.id = f.image_id
        WHERE f.org_id = $1 AND i.name LIKE 'docker.io/kindest/kindnetd%'
          AND NOT EXISTS (SELECT 1 FROM findings g JOIN images j ON j.id = g.image_id
                           WHERE g.org_id = $1 AND g.vulnerability_id = f.vulnerability_id
                             AND j.name NOT LIKE 'docker.io/kindest/kindnetd%')
        LIMIT 1`,
      [org.id],
    );
    const kindnetOnly = rows[0].vulnerability_id;
    expect(await getVulnerability(platformDev, kindnetOnly)).not.toBeNull();
    expect(await getVulnerability(appsDev, kindnetOnly)).toBeNull();
    expect(await getVulnerability(otherOrgAdmin, kindnetOnly)).toBeNull();
    const appsCves = await listVulnerabilities(appsDev, { q: kindnetOnly });
    expect(appsCves.data).toEqual([]);
  });

  it("knows whether the org has sent a Trivy report", async () => {
    expect(await hasTrivyReport(org.id)).toBe(true);
    expect(await hasTrivyReport((await createTestOrg()).id)).toBe(false);
  });
});

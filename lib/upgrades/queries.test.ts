import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { authorizeOrg } from "@/lib/auth/access";
import { findingScopeOf, type TFindingScope } from "@/lib/auth/visibility-scope";
import { pool } from "@/lib/server/db";
import { addTeamMember, createMember, createTestCluster, createTestOrg, createTestTeam } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import { listDeprecatedApis, listOutdatedHelmReleases, listOutdatedImages, upgradeReportsSent } from "./queries";
import { storeAndProcess } from "@/lib/testing/reports";

type TJson = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const read = (p: string) => readFileSync(path.resolve(process.cwd(), p), "utf8");
const PLUTO = Buffer.from(read("../shared/fixtures/pluto/docs-output-example.json"));
const WORKLOADS = Buffer.from(read("lib/ingest/parsers/fixtures/workloads-report.json"));

/** Nova's combined output, with cert-manager marked deprecated and the goldilocks release of the helm-only example. */
function novaReport(): Buffer {
  const nova = JSON.parse(read("../shared/fixtures/nova/usage-output-example.json")) as TJson;
  const helmOnly = JSON.parse(read("../shared/fixtures/nova/usage-output-example-helm-only.json")) as TJson;
  nova.helm[0].deprecated = true;
  nova.helm.push(helmOnly.helm[0]);
  return Buffer.from(JSON.stringify(nova));
}

async function upload(orgId: string, clusterId: string, type: string, body: Buffer) {
  const { outcome } = await storeAndProcess(orgId, clusterId, type, body);
  expect(outcome?.status).toBe("processed");
}

async function scopeOf(user: { id: string; email: string }, slug: string): Promise<TFindingScope> {
  signInAs({ id: user.id, email: user.email, name: "" });
  return findingScopeOf(await authorizeOrg(slug));
}

const include = (namespace: string) => ({ effect: "include" as const, cluster: "*", namespace, kind: "*", name: "*" });

let orgId: string;
let admin: TFindingScope;
let certsDev: TFindingScope;
let otherAdmin: TFindingScope;
let certs: { id: string; slug: string };

beforeAll(async () => {
  const org = await createTestOrg();
  orgId = org.id;
  certs = await createTestTeam(org.id, { rules: [include("cert-manager")] });
  await createTestTeam(org.id, { rules: [include("kube-system"), include("goldilocks")] });
  // prod's inventory says Kubernetes 1.29; legacy has not sent one, so its version is unknown.
  const prod = await createTestCluster(org.id, { slug: "prod", name: "Production" });
  const legacy = await createTestCluster(org.id, { slug: "legacy", name: "Legacy" });
  await upload(org.id, prod.id, "workloads", WORKLOADS);
  await upload(org.id, prod.id, "pluto", PLUTO);
  await upload(org.id, legacy.id, "pluto", PLUTO);
  await upload(org.id, prod.id, "nova", novaReport());

  const dev = await createMember(org.id, "member");
  await addTeamMember(
    org.id,
    (await pool.query(`SELECT id FROM teams WHERE slug = $1`, [certs.slug])).rows[0].id,
    dev.id,
    "editor",
  );
  admin = await scopeOf(await createMember(org.id, "admin"), org.slug);
  certsDev = await scopeOf(dev, org.slug);

  const other = await createTestOrg();
  const otherCluster = await createTestCluster(other.id, { slug: "prod" });
  await upload(other.id, otherCluster.id, "nova", novaReport());
  otherAdmin = await scopeOf(await createMember(other.id, "admin"), other.slug);
}, 120_000);

describe("deprecated APIs", () => {
  it("compares each object's API with its cluster's Kubernetes version", async () => {
    const { clusters, truncated } = await listDeprecatedApis(admin);
    expect(truncated).toBe(false);
    expect(clusters.map((c) => c.cluster.slug)).toEqual(["legacy", "prod"]);
    const [legacy, prod] = clusters;
    expect(prod.cluster.kubernetesVersion).toBe("1.29+");
    expect(prod.items).toHaveLength(1);
    expect(prod.items[0]).toMatchObject({
      namespace: "cert-manager",
      kind: "MutatingWebhookConfiguration",
      name: "cert-manager/cert-manager-webhook",
      apiVersion: "admissionregistration.k8s.io/v1beta1",
      replacementApi: "admissionregistration.k8s.io/v1",
      deprecatedIn: "v1.16.0",
      removedIn: "v1.19.0",
      state: "open",
      team: { slug: certs.slug },
      status: { kind: "removed", label: "Already removed in this cluster's version" },
    });
    expect(prod).toMatchObject({ alreadyRemoved: 1, blockedUpgrade: null });
    expect(legacy.cluster.kubernetesVersion).toBeNull();
    expect(legacy.items[0].status).toMatchObject({
      kind: "blocks",
      label: "Removed in 1.19 — blocks upgrade to 1.19",
    });
    expect(legacy.blockedUpgrade).toEqual({ version: "1.19", objects: 1 });
  });

  it("shows a team only its own objects, and snoozed ones only when asked", async () => {
    expect((await listDeprecatedApis(certsDev)).clusters.flatMap((c) => c.items)).toHaveLength(2);
    expect((await listDeprecatedApis(otherAdmin)).clusters).toEqual([]);
    const { rows } = await pool.query<{ id: string }>(
      `SELECT f.id FROM findings f JOIN clusters c ON c.id = f.cluster_id
        WHERE f.org_id = $1 AND f.source = 'pluto' AND c.slug = 'legacy'`,
      [orgId],
    );
    await pool.query(`UPDATE findings SET snoozed_until = now() + interval '1 day' WHERE id = $1`, [rows[0].id]);
    try {
      expect((await listDeprecatedApis(certsDev)).clusters.map((c) => c.cluster.slug)).toEqual(["prod"]);
      const all = await listDeprecatedApis(certsDev, { includeTriaged: true });
      expect(all.clusters.find((c) => c.cluster.slug === "legacy")?.items[0].state).toBe("snoozed");
    } finally {
      await pool.query(`UPDATE findings SET snoozed_until = NULL WHERE id = $1`, [rows[0].id]);
    }
  });
});

describe("outdated Helm charts and images", () => {
  it("lists outdated and deprecated releases with installed and latest versions", async () => {
    const { clusters } = await listOutdatedHelmReleases(admin);
    expect(clusters).toHaveLength(1);
    expect(clusters[0].items).toEqual([
      expect.objectContaining({
        release: "cert-manager",
        namespace: "cert-manager",
        chart: "cert-manager",
        deprecated: true,
        outdated: false,
        installed: { version: "v1.9.1", appVersion: "v1.9.1" },
      }),
      expect.objectContaining({
        release: "goldilocks",
        chart: "goldilocks",
        installed: { version: "3.3.1", appVersion: "v3.1.4" },
        latest: { version: "4.0.1", appVersion: "v4.0.0" },
        deprecated: false,
        outdated: true,
        majorBehind: true,
      }),
    ]);
    const mine = await listOutdatedHelmReleases(certsDev);
    expect(mine.clusters.flatMap((c) => c.items.map((i) => i.release))).toEqual(["cert-manager"]);
  });

  it("lists outdated images once per version with the workloads running them", async () => {
    const { clusters } = await listOutdatedImages(admin);
    expect(clusters[0].items).toEqual([
      {
        image: "k8s.gcr.io/kube-scheduler",
        current: "v1.22.9",
        latest: "v1.25.0",
        latestMinor: "v1.25.0",
        latestPatch: "v1.22.13",
        majorBehind: false,
        workloads: [
          expect.objectContaining({
            namespace: "kube-system",
            kind: "Pod",
            name: "kube-scheduler-kind-control-plane",
            container: "kube-scheduler",
          }),
        ],
      },
    ]);
    expect((await listOutdatedImages(certsDev)).clusters).toEqual([]);
  });

  it("keeps each org's Nova results apart and knows which reports were sent", async () => {
    const theirs = await listOutdatedHelmReleases(otherAdmin);
    const ours = await listOutdatedHelmReleases(admin);
    const ids = (r: typeof ours) => r.clusters.flatMap((c) => c.items.map((i) => i.findingId));
    expect(ids(theirs).filter((id) => ids(ours).includes(id))).toEqual([]);
    expect(theirs.clusters.every((c) => c.cluster.slug === "prod" && c.items.length === 2)).toBe(true);
    expect(await upgradeReportsSent(orgId)).toEqual({ pluto: true, nova: true });
    expect(await upgradeReportsSent((await createTestOrg()).id)).toEqual({ pluto: false, nova: false });
  });
});

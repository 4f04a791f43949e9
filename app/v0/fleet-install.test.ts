import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/server/db";
import { resetEnvCache } from "@/lib/server/env";
import { createCluster } from "@/lib/clusters/create-cluster";
import { rotateClusterToken } from "@/lib/clusters/rotate-cluster-token";
import { authenticateToken } from "@/lib/tokens/authenticate-token";
import { createOrgToken } from "@/lib/tokens/create-org-token";
import { revokeToken } from "@/lib/tokens/revoke-token";
import { actorFor, createTestTenant } from "@/lib/testing/factories";
import { errorOf } from "@/lib/testing/http";
import * as clusterRoute from "./organizations/[org]/clusters/[cluster]/route";
import * as uploadRoute from "./organizations/[org]/clusters/[cluster]/data/[type]/route";

// The insights-agent chart's fleet installer (FairwindsOps/charts, stable/insights-agent/templates/
// fleet-installer/job.yaml) runs, with ADMIN_TOKEN from insights.apiToken:
//   AUTH_HEADER="Authorization: Bearer $ADMIN_TOKEN"
//   CLUSTER_URL="{{ insights.host }}/v0/organizations/{{ organization }}/clusters/{{ cluster }}"
//   EXISTS=$(curl -s -o $CLUSTER_FILE -w "%{http_code}" "$CLUSTER_URL?showToken=true" -H "$AUTH_HEADER")
//   if [[ $EXISTS -eq 404 ]]; then curl -f -X POST "$CLUSTER_URL" -H "$AUTH_HEADER" -o $CLUSTER_FILE; fi
//   CLUSTER_TOKEN=$(cat $CLUSTER_FILE | sed 's/^.*"AuthToken":"\([^{"}]*\)".*$/\1/')
// These tests send those requests (curl adds only its User-Agent and Accept) and run that sed.

const HOST = "http://bumpers.test";
const CHART_SED = 's/^.*"AuthToken":"\\([^{"}]*\\)".*$/\\1/';
const CURL_HEADERS = { "user-agent": "curl/8.5.0", accept: "*/*" };
const POLARIS = readFileSync(path.resolve(process.cwd(), "../shared/fixtures/polaris/audit-dashboard-sample.json"));

type TSetup = Awaited<ReturnType<typeof setup>>;

async function setup() {
  const tenant = await createTestTenant();
  const actor = actorFor(tenant.users.admin);
  const admin = await createOrgToken(tenant.org.id, actor, { name: "fleet installer", kind: "org_admin" });
  const reader = await createOrgToken(tenant.org.id, actor, { name: "dashboards", kind: "org_read" });
  const existing = await createCluster(tenant.org.id, actor, { slug: "prod", name: "Production" });
  const other = await createTestTenant();
  const otherActor = actorFor(other.users.admin);
  const otherAdmin = await createOrgToken(other.org.id, otherActor, { name: "their fleet", kind: "org_admin" });
  const otherCluster = await createCluster(other.org.id, otherActor, { slug: "prod", name: "Their prod" });
  return { tenant, org: tenant.org.slug, admin, reader, existing, other, otherAdmin, otherCluster };
}

const authHeader = (token: string | null): Record<string, string> =>
  token === null ? {} : { authorization: `Bearer ${token}` };

/** `curl -s "$CLUSTER_URL?showToken=true" -H "$AUTH_HEADER"` (query optional). */
function chartGet(org: string, cluster: string, token: string | null, query = "?showToken=true") {
  const req = new Request(`${HOST}/v0/organizations/${org}/clusters/${cluster}${query}`, {
    headers: { ...CURL_HEADERS, ...authHeader(token) },
  });
  return clusterRoute.GET(req, { params: Promise.resolve({ org, cluster }) });
}

/** `curl -f -X POST "$CLUSTER_URL" -H "$AUTH_HEADER"`: no body, no Content-Type. */
function chartPost(org: string, cluster: string, token: string | null, headers: Record<string, string> = {}) {
  const req = new Request(`${HOST}/v0/organizations/${org}/clusters/${cluster}`, {
    method: "POST",
    headers: { ...CURL_HEADERS, ...authHeader(token), ...headers },
  });
  return clusterRoute.POST(req, { params: Promise.resolve({ org, cluster }) });
}

/** The chart's own extraction, run by sed itself; `$(…)` drops the trailing newline. */
function chartExtractToken(body: string): string {
  const sed = spawnSync("sed", [CHART_SED], { input: body, encoding: "utf8" });
  expect(sed.status).toBe(0);
  return sed.stdout.replace(/\n+$/, "");
}

/** The chart's whole flow; returns what it would store in the token secret. */
async function runChartInstall(org: string, cluster: string, adminToken: string) {
  const statuses: number[] = [];
  let res = await chartGet(org, cluster, adminToken);
  statuses.push(res.status);
  if (res.status === 404) {
    res = await chartPost(org, cluster, adminToken);
    statuses.push(res.status);
  }
  const body = await res.text();
  return { statuses, body, token: chartExtractToken(body) };
}

function uploadPolaris(org: string, cluster: string, token: string) {
  const req = new Request(`${HOST}/v0/organizations/${org}/clusters/${cluster}/data/polaris`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: new Uint8Array(POLARIS),
  });
  return uploadRoute.POST(req, { params: Promise.resolve({ org, cluster, type: "polaris" }) });
}

/** Everything written to the console during `fn`, as one string. */
async function consoleDuring(fn: () => Promise<void>): Promise<string> {
  const lines: string[] = [];
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      lines.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : String(a))).join(" "));
    });
  }
  await fn();
  return lines.join("\n");
}

afterEach(() => vi.restoreAllMocks());

describe("fleet install as the insights-agent chart runs it", () => {
  let s: TSetup;
  beforeAll(async () => {
    s = await setup();
  });

  it("creates a new cluster on 404 and hands the chart a working agent token; an upgrade gets the same token", async () => {
    const first = await runChartInstall(s.org, "edge-eu-1", s.admin.secret);
    expect(first.statuses).toEqual([404, 200]);
    expect(first.token).toMatch(/^bmp_cl_[A-Za-z0-9_-]{43}$/);
    // One compact line: sed works line by line and the greedy pattern needs the whole object on it.
    expect(first.body).toBe(JSON.stringify(JSON.parse(first.body)));
    expect(first.body).not.toMatch(/[\n ]/);
    expect(JSON.parse(first.body)).toEqual({
      Name: "edge-eu-1",
      Slug: "edge-eu-1",
      Organization: s.org,
      AuthToken: first.token,
    });

    const cluster = await db.cluster.findUniqueOrThrow({
      where: { orgId_slug: { orgId: s.tenant.org.id, slug: "edge-eu-1" } },
    });
    expect(await authenticateToken(first.token)).toMatchObject({ kind: "cluster", clusterId: cluster.id });
    const upload = await uploadPolaris(s.org, "edge-eu-1", first.token);
    expect(upload.status).toBe(200);

    // The job runs again on every helm upgrade (pre-install,pre-upgrade hook).
    const again = await runChartInstall(s.org, "edge-eu-1", s.admin.secret);
    expect(again.statuses).toEqual([200]);
    expect(again.token).toBe(first.token);
  });

  it("records the creation in the audit log with the org token as the actor", async () => {
    await runChartInstall(s.org, "edge-eu-2", s.admin.secret);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { orgId: s.tenant.org.id, action: "cluster.created", targetLabel: "edge-eu-2" },
    });
    expect(audit).toMatchObject({
      actorTokenId: s.admin.token.id,
      actorUserId: null,
      actorLabel: "fleet installer",
      after: { slug: "edge-eu-2", name: "edge-eu-2" },
    });
    expect(JSON.stringify([audit.before, audit.after])).not.toContain("bmp_cl_");
  });

  it("hands out the token of a cluster created in the UI", async () => {
    const res = await runChartInstall(s.org, "prod", s.admin.secret);
    expect(res.statuses).toEqual([200]);
    expect(res.token).toBe(s.existing.token);
    expect(JSON.parse(res.body)).toMatchObject({ Name: "Production", Slug: "prod" });
  });

  it("never writes a token to the logs", async () => {
    const output = await consoleDuring(async () => {
      await runChartInstall(s.org, "edge-eu-3", s.admin.secret);
      await runChartInstall(s.org, "edge-eu-3", s.admin.secret);
      await chartGet(s.org, "prod", s.reader.secret);
      await chartGet(s.org, "prod", s.existing.token);
      await chartPost(s.org, "Not_Valid", s.admin.secret);
    });
    const created = (await chartGet(s.org, "edge-eu-3", s.admin.secret).then((r) => r.json())) as {
      AuthToken: string;
    };
    for (const secret of [created.AuthToken, s.admin.secret, s.reader.secret, s.existing.token]) {
      expect(output).not.toContain(secret);
    }
    expect(output).not.toMatch(/bmp_(cl|org)_[A-Za-z0-9_-]{10}/);
  });
});

describe("GET /v0/organizations/{org}/clusters/{cluster}", () => {
  let s: TSetup;
  beforeAll(async () => {
    s = await setup();
  });

  it("answers the cluster without its token unless showToken=true", async () => {
    for (const query of ["", "?showToken=false", "?showToken=1"]) {
      const res = await chartGet(s.org, "prod", s.admin.secret, query);
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).toBe(`{"Name":"Production","Slug":"prod","Organization":"${s.org}"}`);
      expect(chartExtractToken(text)).toBe(text);
    }
    const shown = await chartGet(s.org, "prod", s.admin.secret);
    expect(await shown.json()).toMatchObject({ AuthToken: s.existing.token });
    expect(shown.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 404 for a cluster that does not exist, with or without showToken", async () => {
    for (const cluster of ["nope", "Not_A_Slug"]) {
      const res = await chartGet(s.org, cluster, s.admin.secret);
      expect(res.status).toBe(404);
      expect(await errorOf(res)).toEqual({ code: "not_found", message: "Cluster not found." });
    }
    expect((await chartGet(s.org, "nope", s.admin.secret, "")).status).toBe(404);
  });
});

describe("POST /v0/organizations/{org}/clusters/{cluster}", () => {
  let s: TSetup;
  beforeAll(async () => {
    s = await setup();
  });

  it("is idempotent: retries and concurrent installs of one cluster get one cluster and one token", async () => {
    const first = await chartPost(s.org, "batch-1", s.admin.secret);
    expect(first.status).toBe(200);
    const { AuthToken } = (await first.json()) as { AuthToken: string };

    const retries = await Promise.all([1, 2, 3].map(() => chartPost(s.org, "batch-1", s.admin.secret)));
    for (const res of retries) {
      expect(res.status).toBe(200);
      expect(chartExtractToken(await res.text())).toBe(AuthToken);
    }
    const racing = await Promise.all([1, 2, 3].map(() => chartPost(s.org, "batch-2", s.admin.secret)));
    const tokens = await Promise.all(racing.map(async (r) => [r.status, chartExtractToken(await r.text())]));
    expect(new Set(tokens.map(([status]) => status))).toEqual(new Set([200]));
    expect(new Set(tokens.map(([, token]) => token)).size).toBe(1);

    for (const slug of ["batch-1", "batch-2"]) {
      const cluster = await db.cluster.findUniqueOrThrow({
        where: { orgId_slug: { orgId: s.tenant.org.id, slug } },
        include: { tokens: true },
      });
      expect(cluster.tokens).toHaveLength(1);
      expect(await db.auditLog.count({ where: { orgId: s.tenant.org.id, targetId: cluster.id } })).toBe(1);
    }
  });

  it("ignores a body: the cluster is named after the slug in the URL", async () => {
    const res = await chartPost(s.org, "named-by-url", s.admin.secret, { "content-type": "application/json" });
    expect(await res.json()).toMatchObject({ Name: "named-by-url", Slug: "named-by-url" });
  });

  it("answers 400 naming the rule for a cluster name the agent could not upload under, and creates nothing", async () => {
    const before = await db.cluster.count({ where: { orgId: s.tenant.org.id } });
    for (const bad of ["Prod", "prod_eu", "-prod", "x", "a".repeat(64)]) {
      const res = await chartPost(s.org, bad, s.admin.secret);
      expect(res.status, bad).toBe(400);
      const error = await errorOf(res);
      expect(error).toMatchObject({ code: "bad_request", details: { field: "cluster" } });
      expect(error.message).toMatch(/^The cluster name in the URL is not valid: /);
    }
    expect(await db.cluster.count({ where: { orgId: s.tenant.org.id } })).toBe(before);
  });
});

describe("fleet install credentials", () => {
  let s: TSetup;
  beforeAll(async () => {
    s = await setup();
  });

  const both = (org: string, cluster: string, token: string | null) =>
    Promise.all([chartGet(org, cluster, token), chartPost(org, cluster, token)]);

  it("answers 401 without a bearer token, or with an unknown or revoked one", async () => {
    const revoked = await createOrgToken(
      s.tenant.org.id,
      { tokenId: s.admin.token.id, label: "x" },
      {
        name: "old",
        kind: "org_admin",
      },
    );
    await revokeToken(s.tenant.org.id, { tokenId: s.admin.token.id, label: "x" }, revoked.token.id);
    const unknown = `bmp_org_${randomBytes(32).toString("base64url")}`;
    for (const token of [null, unknown, revoked.secret, "not-a-token"]) {
      for (const res of await both(s.org, "new-cluster", token)) {
        expect(res.status, String(token)).toBe(401);
        expect((await errorOf(res)).code).toBe("unauthorized");
      }
    }
    const basic = await clusterRoute.GET(
      new Request(`${HOST}/v0/organizations/${s.org}/clusters/prod?showToken=true`, {
        headers: { authorization: `Basic ${Buffer.from("a:b").toString("base64")}` },
      }),
      { params: Promise.resolve({ org: s.org, cluster: "prod" }) },
    );
    expect(basic.status).toBe(401);
    expect(await db.cluster.count({ where: { orgId: s.tenant.org.id, slug: "new-cluster" } })).toBe(0);
  });

  it("answers 403 to read tokens and cluster agent tokens, which can neither see nor create clusters", async () => {
    for (const token of [s.reader.secret, s.existing.token]) {
      for (const cluster of ["prod", "new-cluster"]) {
        for (const res of await both(s.org, cluster, token)) {
          expect(res.status).toBe(403);
          const text = await res.text();
          expect(text).not.toContain("AuthToken");
          expect(text).toMatch(/org admin token/);
        }
      }
    }
    expect(await db.cluster.count({ where: { orgId: s.tenant.org.id, slug: "new-cluster" } })).toBe(0);
  });

  it("answers another org's admin token 403, the same whether the cluster or the org exists", async () => {
    const answers = new Set<string>();
    for (const [org, cluster] of [
      [s.org, "prod"],
      [s.org, "missing"],
      ["no-such-org", "prod"],
    ]) {
      for (const res of await both(org, cluster, s.otherAdmin.secret)) {
        answers.add(`${res.status} ${await res.text()}`);
      }
    }
    expect([...answers]).toEqual([
      '403 {"error":{"code":"forbidden","message":"This token belongs to another organization."}}',
    ]);
    expect(await db.cluster.count({ where: { orgId: s.tenant.org.id, slug: "missing" } })).toBe(0);
    expect(await db.cluster.count({ where: { orgId: s.other.org.id } })).toBe(1);
    // Its own org's cluster of the same name is its own business.
    const own = await chartGet(s.other.org.slug, "prod", s.otherAdmin.secret);
    expect(await own.json()).toMatchObject({ Name: "Their prod", AuthToken: s.otherCluster.token });
  });
});

describe("fleet install of a cluster whose token cannot be read back", () => {
  let s: TSetup;
  beforeAll(async () => {
    s = await setup();
  });
  const savedKey = process.env.BUMPERS_ENCRYPTION_KEY;
  afterEach(() => {
    process.env.BUMPERS_ENCRYPTION_KEY = savedKey;
    resetEnvCache();
  });

  const actor = () => ({ userId: s.tenant.users.admin.id, label: s.tenant.users.admin.email });

  it("answers 409 for a token kept before encryption, until the token is rotated once", async () => {
    const { cluster } = await createCluster(s.tenant.org.id, actor(), { slug: "legacy", name: "Legacy" });
    await db.apiToken.updateMany({ where: { clusterId: cluster.id }, data: { tokenCiphertext: null } });

    for (const res of [
      await chartGet(s.org, "legacy", s.admin.secret),
      await chartPost(s.org, "legacy", s.admin.secret),
    ]) {
      expect(res.status).toBe(409);
      const error = await errorOf(res);
      expect(error.code).toBe("conflict");
      expect(error.message).toMatch(/Rotate the cluster's agent token once on the Clusters page/);
    }
    expect((await chartGet(s.org, "legacy", s.admin.secret, "")).status).toBe(200);

    const rotated = await rotateClusterToken(s.tenant.org.id, actor(), cluster.id);
    const res = await runChartInstall(s.org, "legacy", s.admin.secret);
    expect(res).toMatchObject({ statuses: [200], token: rotated.secret });
    // Only the active token stays readable.
    const kept = await db.apiToken.findMany({ where: { clusterId: cluster.id, tokenCiphertext: { not: null } } });
    expect(kept.map((t) => t.revokedAt)).toEqual([null]);
  });

  it("answers 409 when the token was revoked without a new one", async () => {
    const { cluster } = await createCluster(s.tenant.org.id, actor(), { slug: "revoked", name: "Revoked" });
    const agent = await db.apiToken.findFirstOrThrow({ where: { clusterId: cluster.id } });
    await revokeToken(s.tenant.org.id, actor(), agent.id);
    const res = await chartGet(s.org, "revoked", s.admin.secret);
    expect(res.status).toBe(409);
    expect((await errorOf(res)).message).toMatch(/no active agent token/);
  });

  it("answers 409 when the encryption key changed without keeping the previous one", async () => {
    await createCluster(s.tenant.org.id, actor(), { slug: "rekeyed", name: "Rekeyed" });
    process.env.BUMPERS_ENCRYPTION_KEY = randomBytes(32).toString("base64");
    resetEnvCache();
    const res = await chartGet(s.org, "rekeyed", s.admin.secret);
    expect(res.status).toBe(409);
    expect((await errorOf(res)).message).toMatch(/cannot be read with the current encryption key/);

    process.env.BUMPERS_ENCRYPTION_KEY_PREVIOUS = savedKey;
    resetEnvCache();
    try {
      expect((await chartGet(s.org, "rekeyed", s.admin.secret)).status).toBe(200);
    } finally {
      delete process.env.BUMPERS_ENCRYPTION_KEY_PREVIOUS;
    }
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { createCluster } from "@/lib/clusters/create-cluster";
import { deleteCluster } from "@/lib/clusters/delete-cluster";
import { orgQuotaOverview } from "@/lib/quotas/quotas";
import { secondsUntilUtcMidnight } from "@/lib/quotas/enforce";
import { setOrgQuota } from "@/lib/quotas/set-org-quota";
import { db, pool } from "@/lib/server/db";
import { createOrgToken } from "@/lib/tokens/create-org-token";
import { createTestTenant } from "@/lib/testing/factories";
import { errorOf } from "@/lib/testing/http";
import { signInAs } from "@/lib/testing/session";
import * as clustersApi from "@/app/api/v1/clusters/route";
import { createClusterAction } from "@/app/(dashboard)/o/[org]/clusters/actions";
import * as fleetRoute from "./organizations/[org]/clusters/[cluster]/route";
import * as uploadRoute from "./organizations/[org]/clusters/[cluster]/data/[type]/route";

const BASE = "http://bumpers.test";
const POLARIS = readFileSync(path.resolve(process.cwd(), "../shared/fixtures/polaris/audit-dashboard-sample.json"));
/** A distinct Polaris report of the fixture's size (each upload is new bytes, not a retry). */
const polaris = (n: number) => Buffer.from(JSON.stringify({ ...JSON.parse(POLARIS.toString()), AuditTime: `r${n}` }));
const SIZE = polaris(1).length;

async function tenantWithCluster() {
  const t = await createTestTenant();
  const actor = { userId: t.users.admin.id, label: t.users.admin.email };
  const { cluster, token } = await createCluster(t.org.id, actor, { slug: "prod", name: "Prod" });
  return { t, actor, cluster, token };
}

type TTenant = Awaited<ReturnType<typeof tenantWithCluster>>;

function upload(s: TTenant, body: BodyInit, headers: Record<string, string> = {}) {
  const params = { org: s.t.org.slug, cluster: s.cluster.slug, type: "polaris" };
  const req = new Request(`${BASE}/v0/organizations/${params.org}/clusters/${params.cluster}/data/polaris`, {
    method: "POST",
    headers: { authorization: `Bearer ${s.token}`, "content-type": "application/json", ...headers },
    body,
    duplex: "half",
  } as RequestInit);
  return uploadRoute.POST(req, { params: Promise.resolve(params) });
}

const storedCount = async (orgId: string) => db.report.count({ where: { orgId } });

describe("report storage quotas on the agent upload", () => {
  it("answers 429 with Retry-After until 00:00 UTC once the day's bytes are used, storing nothing", async () => {
    const s = await tenantWithCluster();
    await setOrgQuota(s.t.org.slug, { reportBytesPerDay: 2 * SIZE + 10 });
    expect((await upload(s, polaris(1))).status).toBe(200);
    expect((await upload(s, polaris(2))).status).toBe(200);
    const refused = await upload(s, polaris(3));
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(Math.abs(retryAfter - secondsUntilUtcMidnight())).toBeLessThanOrEqual(5);
    const error = await errorOf(refused);
    expect(error.code).toBe("daily_quota_exceeded");
    expect(error.message).toMatch(/today \(UTC\).*00:00 UTC.*operator/);
    expect(await storedCount(s.t.org.id)).toBe(2);
    const { usage } = await orgQuotaOverview(s.t.org.id);
    expect(usage).toMatchObject({ reportBytesToday: 2 * SIZE, refusedToday: 1, reportBytesStored: 2 * SIZE });
  });

  it("counts the decompressed size of a gzipped report", async () => {
    const s = await tenantWithCluster();
    const body = polaris(1);
    const gz = gzipSync(body);
    expect(gz.length).toBeLessThan(body.length / 2);
    // Room for the compressed bytes, not for the report they expand to.
    await setOrgQuota(s.t.org.slug, { reportBytesPerDay: body.length - 1 });
    const res = await upload(s, gz, { "content-encoding": "gzip" });
    expect(res.status).toBe(429);
    expect(await storedCount(s.t.org.id)).toBe(0);
  });

  it("refuses before reading the body once the day's quota is full", async () => {
    const s = await tenantWithCluster();
    await setOrgQuota(s.t.org.slug, { reportBytesPerDay: SIZE });
    expect((await upload(s, polaris(1))).status).toBe(200);
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const res = await upload(s, body);
    expect(res.status).toBe(429);
    // A ReadableStream pulls once on its own to fill its queue; the route read nothing more.
    expect(pulls).toBeLessThanOrEqual(1);
  });

  it("starts over each UTC day: yesterday's bytes do not count", async () => {
    const s = await tenantWithCluster();
    await setOrgQuota(s.t.org.slug, { reportBytesPerDay: 2 * SIZE });
    await pool.query(
      `INSERT INTO report_usage_daily (org_id, day, bytes, reports)
       VALUES ($1, (now() AT TIME ZONE 'UTC')::date - 1, $2, 100)`,
      [s.t.org.id, 1e12],
    );
    expect((await upload(s, polaris(1))).status).toBe(200);
  });

  it("answers 413 once the organization holds its total, and has room again when reports are deleted", async () => {
    const s = await tenantWithCluster();
    await setOrgQuota(s.t.org.slug, { reportBytesTotal: SIZE + 10 });
    expect((await upload(s, polaris(1))).status).toBe(200);
    const refused = await upload(s, polaris(2));
    expect(refused.status).toBe(413);
    const error = await errorOf(refused);
    expect(error.code).toBe("storage_quota_exceeded");
    expect(error.message).toMatch(/storage limit.*retention.*operator/);
    expect(await storedCount(s.t.org.id)).toBe(1);

    // Deleting the cluster removes its reports (a cascade the app does not see): the total follows.
    await deleteCluster(s.t.org.id, s.actor, { clusterId: s.cluster.id, confirmSlug: s.cluster.slug });
    expect((await orgQuotaOverview(s.t.org.id)).usage.reportBytesStored).toBe(0);
    const again = await createCluster(s.t.org.id, s.actor, { slug: "prod", name: "Prod" });
    expect((await upload({ ...s, ...again }, polaris(2))).status).toBe(200);
  });

  it("accepts a retry of a stored report without counting it again", async () => {
    const s = await tenantWithCluster();
    await setOrgQuota(s.t.org.slug, { reportBytesPerDay: 2 * SIZE });
    expect((await upload(s, polaris(1))).status).toBe(200);
    expect((await upload(s, polaris(1))).status).toBe(200);
    expect((await orgQuotaOverview(s.t.org.id)).usage.reportBytesToday).toBe(SIZE);
  });

  it("never counts one organization's uploads against another's", async () => {
    const a = await tenantWithCluster();
    const b = await tenantWithCluster();
    await setOrgQuota(a.t.org.slug, { reportBytesPerDay: SIZE, reportBytesTotal: SIZE });
    await setOrgQuota(b.t.org.slug, { reportBytesPerDay: SIZE, reportBytesTotal: SIZE });
    expect((await upload(a, polaris(1))).status).toBe(200);
    expect((await upload(a, polaris(2))).status).toBe(413);
    expect((await upload(b, polaris(1))).status).toBe(200);
    const [ua, ub] = await Promise.all([orgQuotaOverview(a.t.org.id), orgQuotaOverview(b.t.org.id)]);
    expect(ua.usage).toMatchObject({ reportBytesToday: SIZE, reportBytesStored: SIZE, refusedToday: 1 });
    expect(ub.usage).toMatchObject({ reportBytesToday: SIZE, reportBytesStored: SIZE, refusedToday: 0 });
  });

  it("lets concurrent uploads of one organization pass its quota by none", async () => {
    const s = await tenantWithCluster();
    await setOrgQuota(s.t.org.slug, { reportBytesPerDay: 3 * SIZE });
    const statuses = await Promise.all(
      Array.from({ length: 8 }, (_, i) => upload(s, polaris(i)).then((r) => r.status)),
    );
    expect(statuses.filter((x) => x === 200)).toHaveLength(3);
    expect(statuses.filter((x) => x === 429)).toHaveLength(5);
    expect(await storedCount(s.t.org.id)).toBe(3);
  });
});

describe("the cluster quota on every way a cluster is created", () => {
  async function fullTenant() {
    const t = await createTestTenant();
    const actor = { userId: t.users.admin.id, label: t.users.admin.email };
    await createCluster(t.org.id, actor, { slug: "one", name: "One" });
    await setOrgQuota(t.org.slug, { clusters: 1 });
    const { secret } = await createOrgToken(t.org.id, actor, { name: "fleet", kind: "org_admin" });
    return { t, actor, adminToken: secret };
  }

  it("refuses the API, with an admin token and with a session, 403 cluster_quota_exceeded", async () => {
    const { t, adminToken } = await fullTenant();
    const post = (headers: Record<string, string>, query = "") =>
      clustersApi.POST(
        new Request(`${BASE}/api/v1/clusters${query}`, {
          method: "POST",
          body: JSON.stringify({ slug: "two", name: "Two" }),
          headers: { "content-type": "application/json", ...headers },
        }),
      );
    const byToken = await post({ authorization: `Bearer ${adminToken}` });
    expect(byToken.status).toBe(403);
    const error = await errorOf(byToken);
    expect(error.code).toBe("cluster_quota_exceeded");
    expect(error.message).toMatch(/1 clusters, its limit of 1.*operator/);
    signInAs(t.users.admin);
    const bySession = await post({ origin: BASE }, `?org=${t.org.slug}`);
    expect(bySession.status).toBe(403);
    expect(await db.cluster.count({ where: { orgId: t.org.id } })).toBe(1);
  });

  it("refuses the fleet install's POST with an org admin token", async () => {
    const { t, adminToken } = await fullTenant();
    const params = { org: t.org.slug, cluster: "edge-1" };
    const res = await fleetRoute.POST(
      new Request(`${BASE}/v0/organizations/${params.org}/clusters/${params.cluster}`, {
        method: "POST",
        headers: { authorization: `Bearer ${adminToken}` },
      }),
      { params: Promise.resolve(params) },
    );
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBe("cluster_quota_exceeded");
    expect(await db.cluster.count({ where: { orgId: t.org.id } })).toBe(1);
  });

  it("shows the refusal in the Clusters page's form, and creates again once the operator raises the quota", async () => {
    const { t } = await fullTenant();
    signInAs(t.users.admin);
    const form = new FormData();
    for (const [k, v] of Object.entries({ org: t.org.slug, slug: "two", name: "Two" })) form.set(k, v);
    const refused = await createClusterAction(null, form);
    expect(refused).toMatchObject({ ok: false, error: { code: "cluster_quota_exceeded" } });
    await setOrgQuota(t.org.slug, { clusters: 2 });
    expect((await createClusterAction(null, form)).ok).toBe(true);
  });

  it("counts only the organization's own clusters", async () => {
    const full = await fullTenant();
    const other = await createTestTenant();
    await setOrgQuota(other.org.slug, { clusters: 1 });
    const actor = { userId: other.users.admin.id, label: other.users.admin.email };
    await expect(createCluster(other.org.id, actor, { slug: "one", name: "One" })).resolves.toBeTruthy();
    await expect(createCluster(full.t.org.id, full.actor, { slug: "two", name: "Two" })).rejects.toMatchObject({
      code: "cluster_quota_exceeded",
    });
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { createCluster } from "@/lib/clusters/create-cluster";
import { storeReport } from "@/lib/ingest/store-report";
import { pruneRetention } from "@/lib/retention/prune";
import { formatBytes, parseByteSize } from "@/lib/server/byte-size";
import { db, pool } from "@/lib/server/db";
import { resetEnvCache, ZEnv } from "@/lib/server/env";
import { actorFor, createTestTenant } from "@/lib/testing/factories";
import { parseQuotaArgs } from "./quota-args";
import { orgQuotaOverview } from "./quotas";
import { setOrgQuota } from "./set-org-quota";

afterEach(() => {
  delete process.env.BUMPERS_QUOTA_CLUSTERS;
  resetEnvCache();
});

describe("sizes", () => {
  it("reads what an operator types, in binary units, and refuses the rest", () => {
    expect(parseByteSize("10GB")).toBe(10 * 1024 ** 3);
    expect(parseByteSize("500 MB")).toBe(500 * 1024 ** 2);
    expect(parseByteSize("1.5TiB")).toBe(1.5 * 1024 ** 4);
    expect(parseByteSize("4096")).toBe(4096);
    expect(parseByteSize("0")).toBe(0);
    for (const bad of ["", "ten GB", "-1GB", "10 PB", "1e9"]) expect(parseByteSize(bad)).toBeNull();
    expect(formatBytes(10 * 1024 ** 3)).toBe("10 GB");
    expect(formatBytes(1.5 * 1024 ** 3)).toBe("1.5 GB");
    expect(formatBytes(900)).toBe("900 B");
  });

  it("defaults the install's quotas to 100 clusters, 10 GB a day and 200 GB in total", () => {
    const e = ZEnv.parse({});
    expect(e.BUMPERS_QUOTA_CLUSTERS).toBe(100);
    expect(e.BUMPERS_QUOTA_REPORT_BYTES_PER_DAY).toBe(10 * 1024 ** 3);
    expect(e.BUMPERS_QUOTA_REPORT_BYTES_TOTAL).toBe(200 * 1024 ** 3);
    expect(ZEnv.parse({ BUMPERS_QUOTA_REPORT_BYTES_TOTAL: "0" }).BUMPERS_QUOTA_REPORT_BYTES_TOTAL).toBe(0);
    expect(() => ZEnv.parse({ BUMPERS_QUOTA_REPORT_BYTES_PER_DAY: "lots" })).toThrow(
      /BUMPERS_QUOTA_REPORT_BYTES_PER_DAY/,
    );
  });
});

describe("npm run org:quota", () => {
  it("parses settings, 'default' and 0", () => {
    expect(parseQuotaArgs(["--org", "acme", "--clusters", "200", "--report-bytes-per-day", "20GB"])).toEqual({
      org: "acme",
      change: { clusters: 200, reportBytesPerDay: 20 * 1024 ** 3, reportBytesTotal: undefined },
    });
    expect(parseQuotaArgs(["--org", "acme", "--report-bytes-total", "default", "--clusters", "0"]).change).toEqual({
      clusters: 0,
      reportBytesPerDay: undefined,
      reportBytesTotal: null,
    });
    expect(() => parseQuotaArgs(["--clusters", "3"])).toThrow(/--org/);
    expect(() => parseQuotaArgs(["--org", "a", "--clusters", "many"])).toThrow(/--clusters/);
    expect(() => parseQuotaArgs(["--org", "a", "--disk", "1"])).toThrow();
  });

  it("sets an org's own quota over the install default, back to it with null, and audits each change", async () => {
    process.env.BUMPERS_QUOTA_CLUSTERS = "7";
    resetEnvCache();
    const t = await createTestTenant();
    expect((await orgQuotaOverview(t.org.id)).quotas.clusters).toBe(7);
    await setOrgQuota(t.org.slug, { clusters: 3, reportBytesTotal: 0 });
    const own = await orgQuotaOverview(t.org.id);
    expect(own.quotas).toMatchObject({ clusters: 3, reportBytesTotal: null });
    await setOrgQuota(t.org.slug, { clusters: null });
    expect((await orgQuotaOverview(t.org.id)).quotas.clusters).toBe(7);
    const audit = await db.auditLog.findMany({ where: { orgId: t.org.id, action: "org.quota_changed" } });
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ actorUserId: null, actorLabel: expect.stringContaining("operator") });
    await expect(setOrgQuota("no-such-org", { clusters: 1 })).rejects.toMatchObject({ code: "not_found" });
    await expect(setOrgQuota(t.org.slug, { clusters: -1 })).rejects.toMatchObject({ code: "bad_request" });
  });
});

describe("stored report bytes", () => {
  it("always equal the sum of the organization's reports, through uploads, retention and deletion", async () => {
    const t = await createTestTenant();
    const actor = actorFor(t.users.admin);
    const { cluster } = await createCluster(t.org.id, actor, { slug: "prod", name: "Prod" });
    const store = (n: number) =>
      storeReport({
        orgId: t.org.id,
        clusterId: cluster.id,
        type: "pluto",
        body: Buffer.from(JSON.stringify({ items: [], n, pad: "x".repeat(n * 100) })),
        headers: new Headers(),
      });
    for (let n = 1; n <= 5; n++) await store(n);
    const sum = async () =>
      Number(
        (
          await pool.query<{ s: string }>(
            "SELECT COALESCE(sum(size_bytes), 0)::text AS s FROM reports WHERE org_id = $1",
            [t.org.id],
          )
        ).rows[0].s,
      );
    const stored = async () => (await orgQuotaOverview(t.org.id)).usage.reportBytesStored;
    expect(await stored()).toBe(await sum());
    expect(await sum()).toBeGreaterThan(0);

    // Old processed reports are pruned by retention (the latest is kept).
    await pool.query(
      `UPDATE reports SET status = 'processed', received_at = now() - make_interval(days => 40 - n)
         FROM (SELECT id, row_number() OVER (ORDER BY received_at)::int AS n FROM reports WHERE org_id = $1) o
        WHERE reports.id = o.id`,
      [t.org.id],
    );
    const pruned = await pruneRetention(
      { reportDays: 30, findingEventDays: 0, deliveryLogDays: 0 },
      { orgId: t.org.id },
    );
    expect(pruned.reports).toBeGreaterThan(0);
    expect(await stored()).toBe(await sum());
    // The day's bytes stay: the daily quota counts what was stored that day.
    expect((await orgQuotaOverview(t.org.id)).usage.reportBytesToday).toBeGreaterThan(await sum());
  });
});

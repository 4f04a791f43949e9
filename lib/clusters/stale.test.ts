import { describe, expect, it } from "vitest";
import { db, pool } from "@/lib/server/db";
import { createTestCluster, createTestOrg } from "@/lib/testing/factories";
import { reportingState, staleSince } from "./reporting-state";
import { staleClusterHours, staleClusters } from "./stale";
import { ZStaleClusterHours } from "./stale-setting";

const at = (iso: string) => new Date(iso);

async function insertReport(cluster: { orgId: string; id: string }, type: string, receivedAt: string) {
  await pool.query(
    `INSERT INTO reports (org_id, cluster_id, type, sha256, body, size_bytes, received_at)
     VALUES ($1, $2, $3, md5(random()::text), '\\x7b7d', 2, $4)`,
    [cluster.orgId, cluster.id, type, receivedAt],
  );
}

describe("reportingState", () => {
  const now = at("2026-03-10T12:00:00Z");

  it("waits for a cluster that never reported, whatever the threshold", () => {
    expect(reportingState(null, 1, now)).toBe("waiting");
    expect(reportingState(null, 720, now)).toBe("waiting");
  });

  it("is stale only once the last report is more than the threshold old", () => {
    expect(reportingState(at("2026-03-10T11:59:00Z"), 1, now)).toBe("reporting");
    expect(reportingState(at("2026-03-10T11:00:00Z"), 1, now)).toBe("reporting");
    expect(reportingState(at("2026-03-10T10:59:59.999Z"), 1, now)).toBe("stale");
    expect(reportingState(at("2026-03-09T13:00:00Z"), 24, now)).toBe("reporting");
    expect(reportingState(at("2026-03-09T11:00:00Z"), 24, now)).toBe("stale");
    expect(reportingState(at("2026-03-09T11:00:00Z"), 48, now)).toBe("reporting");
  });

  it("treats a report from the future (clock skew) as fresh", () => {
    expect(reportingState(at("2026-03-10T13:00:00Z"), 1, now)).toBe("reporting");
  });

  it("says when a cluster turns stale", () => {
    expect(staleSince(at("2026-03-09T11:00:00Z"), 24).toISOString()).toBe("2026-03-10T11:00:00.000Z");
  });
});

describe("ZStaleClusterHours", () => {
  it("accepts whole hours from 1 to 720, given as form strings", () => {
    expect(ZStaleClusterHours.parse("1")).toBe(1);
    expect(ZStaleClusterHours.parse(" 720 ")).toBe(720);
    for (const bad of ["", "0", "721", "1.5", "abc", "-3"]) {
      expect(ZStaleClusterHours.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe("staleClusters", () => {
  it("lists the org's clusters whose latest report of any type is older than the org's setting", async () => {
    const org = await createTestOrg();
    await db.organization.update({ where: { id: org.id }, data: { staleClusterHours: 6 } });
    const quiet = await createTestCluster(org.id, { slug: "quiet" });
    const busy = await createTestCluster(org.id, { slug: "busy" });
    await createTestCluster(org.id, { slug: "new" });
    // One type stopped long ago, another still arrives: the cluster is alive.
    await insertReport(busy, "trivy", "2026-03-01T00:00:00Z");
    await insertReport(busy, "polaris", "2026-03-10T10:00:00Z");
    await insertReport(quiet, "polaris", "2026-03-10T05:00:00Z");
    await insertReport(quiet, "workloads", "2026-03-10T04:00:00Z");
    // Another org's silent cluster never shows up here.
    const stranger = await createTestCluster((await createTestOrg()).id);
    await insertReport(stranger, "polaris", "2026-01-01T00:00:00Z");

    const now = at("2026-03-10T12:00:00Z");
    expect(await staleClusterHours(org.id)).toBe(6);
    const stale = await staleClusters(org.id, now);
    expect(stale).toEqual([
      {
        id: quiet.id,
        slug: "quiet",
        name: quiet.name,
        lastReportAt: at("2026-03-10T05:00:00Z"),
        staleSince: at("2026-03-10T11:00:00Z"),
      },
    ]);
    // With the default of 24 hours nothing is stale yet.
    await db.organization.update({ where: { id: org.id }, data: { staleClusterHours: 24 } });
    expect(await staleClusters(org.id, now)).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { pool } from "@/lib/server/db";
import { createTestCluster, createTestOrg, createTestTeam } from "@/lib/testing/factories";
import { getCloudComparison } from "../queries/cloud";
import { getCostSummary, listTeamCosts } from "../queries/overview";
import { orgCostScope } from "../scope";
import { allocation, deploymentAllocation, uploadReport } from "../testing/upload";

const focus = (day: string, service: string, cost: number) => ({
  ServiceName: service,
  ChargePeriodStart: `${day}T00:00:00Z`,
  ChargePeriodEnd: `${day}T23:59:59Z`,
  BilledCost: cost,
  SubAccountId: "sub-1",
  ProviderName: "Microsoft Azure",
});

describe("reconciliation with the cloud bill", () => {
  it("scales a fully billed day's rows to the bill, keeps proportions and the in-cluster figure", async () => {
    const org = await createTestOrg();
    const cluster = await createTestCluster(org.id);
    const team = await createTestTeam(org.id, {
      rules: [{ effect: "include", cluster: "*", namespace: "shop", kind: "*", name: "*" }],
    });
    const day = (d: string) => ({ start: `${d}T00:00:00Z`, end: `${d}T00:00:00Z`.replace(d, nextDay(d)) });
    const data = ["2026-06-01", "2026-06-02"].map((d) => ({
      ...deploymentAllocation("shop", "web", day(d), { cpu: 6, ram: 2 }),
      __idle__: allocation("__idle__", {}, day(d), { cpu: 2 }),
    }));
    await uploadReport(org.id, cluster.id, "opencost", { code: 200, data });
    // The bill covers the 1st completely (20 = 2 × the in-cluster 10); the 2nd not at all.
    const outcome = await uploadReport(org.id, cluster.id, "cloudcosts", [
      focus("2026-06-01", "Virtual Machines", 15),
      focus("2026-06-01", "Storage", 5),
    ]);
    expect(outcome?.summary).toMatchObject({ rows: 2, days: 1, reconciledDays: 1 });

    const { rows } = await pool.query<{ day: string; source: string; total: number; in_cluster: number; cpu: number }>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, source, sum(total_cost) AS total, sum(in_cluster_cost) AS in_cluster,
              sum(cpu_cost) AS cpu
         FROM cost_daily WHERE org_id = $1 GROUP BY 1, 2 ORDER BY 1`,
      [org.id],
    );
    expect(rows).toEqual([
      { day: "2026-06-01", source: "cloud", total: 20, in_cluster: 10, cpu: 16 },
      { day: "2026-06-02", source: "opencost", total: 10, in_cluster: 10, cpu: 8 },
    ]);
    const scope = orgCostScope(org.id);
    const teams = await listTeamCosts(scope, { from: "2026-06-01", to: "2026-06-01" });
    expect(teams.find((r) => r.key === team.id)?.cost).toBeCloseTo(16, 9);
    expect(teams.find((r) => r.key === "idle")?.cost).toBeCloseTo(4, 9);
    const summary = await getCostSummary(scope, { from: "2026-06-01", to: "2026-06-02" });
    expect(summary).toMatchObject({ total: 30, reconciledDays: 1, bySource: { cloud: 20, opencost: 10, estimate: 0 } });

    const comparison = await getCloudComparison(scope, { from: "2026-06-01", to: "2026-06-02" });
    expect(comparison.days).toEqual([
      { day: "2026-06-01", inCluster: 10, allocated: 20, billed: 20 },
      { day: "2026-06-02", inCluster: 10, allocated: 10, billed: null },
    ]);
    expect(comparison.byService[0]).toEqual({ provider: "azure", service: "Virtual Machines", cost: 15 });

    // A corrected bill restates the day; an OpenCost re-send of the day is scaled again.
    await uploadReport(org.id, cluster.id, "cloudcosts", [
      focus("2026-06-01", "Virtual Machines", 25),
      focus("2026-06-01", "Storage", 5),
    ]);
    await uploadReport(org.id, cluster.id, "opencost", { code: 200, data: [data[0]], resend: true });
    const again = await getCostSummary(scope, { from: "2026-06-01", to: "2026-06-01" });
    expect(again.total).toBeCloseTo(30, 9);
  });

  it("leaves partly billed days alone (the AWS export starts at 19:00)", async () => {
    const org = await createTestOrg();
    const cluster = await createTestCluster(org.id);
    const w = { start: "2026-01-23T00:00:00Z", end: "2026-01-24T00:00:00Z" };
    await uploadReport(org.id, cluster.id, "opencost", {
      code: 200,
      data: [{ __idle__: allocation("__idle__", {}, w, { cpu: 1 }) }],
    });
    const { readFileSync } = await import("node:fs");
    const aws = readFileSync(`${process.cwd()}/../shared/fixtures/cloud-costs/aws_standard.json`, "utf8");
    const outcome = await uploadReport(org.id, cluster.id, "cloudcosts", aws);
    expect(outcome?.summary).toMatchObject({ reconciledDays: 0 });
    expect((await getCostSummary(orgCostScope(org.id), { from: "2026-01-23", to: "2026-01-23" })).total).toBe(1);
  });
});

function nextDay(d: string): string {
  return new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

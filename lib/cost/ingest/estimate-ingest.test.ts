import { describe, expect, it } from "vitest";
import { pool } from "@/lib/server/db";
import { createTestCluster, createTestOrg, createTestTeam } from "@/lib/testing/factories";
import { listTeamCosts } from "../queries/overview";
import { DEFAULT_PRICES } from "../prices";
import { orgCostScope } from "../scope";
import { deploymentAllocation, uploadReport } from "../testing/upload";
import { fixtureJson } from "@/lib/testing/fixtures";

const WORKLOADS = fixtureJson("lib/ingest/parsers/fixtures/workloads-report.json");
const GIB = 2 ** 30;

async function rows<T>(text: string, params: unknown[]) {
  return (await pool.query<T & Record<string, unknown>>(text, params)).rows;
}

describe("cost estimate from the workloads inventory", () => {
  it("prices each container's requests × replicas over the time since the previous inventory, plus idle", async () => {
    const org = await createTestOrg();
    const cluster = await createTestCluster(org.id);
    const team = await createTestTeam(org.id, {
      rules: [{ effect: "include", cluster: "*", namespace: "payments", kind: "*", name: "*" }],
    });
    // First inventory: the hour before it. Second, six hours later: those six hours.
    await uploadReport(org.id, cluster.id, "workloads", WORKLOADS, new Date("2026-05-04T10:00:00Z"));
    const second = { ...(WORKLOADS as object), CreationTime: "2026-05-04T16:00:00Z" };
    await uploadReport(org.id, cluster.id, "workloads", second, new Date("2026-05-04T16:00:00Z"));

    // payments-api/api: 3 replicas × 500m / 512Mi for 7 h.
    const [api] = await rows<{
      total: number;
      cpu: number;
      mem: number;
      team: string;
      service: string;
      source: string;
    }>(
      `SELECT total_cost AS total, cpu_core_hours_requested AS cpu, memory_gib_hours_requested AS mem,
              owner_team_id AS team, service, source
         FROM cost_daily WHERE org_id = $1 AND workload = 'payments-api' AND container = 'api'`,
      [org.id],
    );
    expect(api.cpu).toBeCloseTo(3 * 7 * 0.5, 9);
    expect(api.mem).toBeCloseTo(3 * 7 * 0.5, 9);
    expect(api.total).toBeCloseTo(3 * 7 * (0.5 * DEFAULT_PRICES.cpuHour + 0.5 * DEFAULT_PRICES.memoryGibHour), 9);
    expect(api).toMatchObject({ team: team.id, service: "payments-api", source: "estimate" });

    // The GPU model server pays for its GPU.
    const [gpu] = await rows<{ gpu: number }>(
      `SELECT gpu_cost AS gpu FROM cost_daily WHERE org_id = $1 AND workload = 'model-server'`,
      [org.id],
    );
    expect(gpu.gpu).toBeCloseTo(7 * DEFAULT_PRICES.gpuHour, 9);

    // Idle = capacity cost − allocated, so the day adds up to the nodes' cost.
    const nodes = (WORKLOADS as { Nodes: { Capacity: Record<string, string> }[] }).Nodes;
    const kib = (v: string) => Number(v.replace("Ki", "")) * 1024;
    const capacityHour = nodes.reduce(
      (s, n) =>
        s +
        Number(n.Capacity.cpu) * DEFAULT_PRICES.cpuHour +
        (kib(n.Capacity.memory) / GIB) * DEFAULT_PRICES.memoryGibHour +
        Number(n.Capacity["nvidia.com/gpu"] ?? 0) * DEFAULT_PRICES.gpuHour,
      0,
    );
    const [day] = await rows<{ total: number; idle: number }>(
      `SELECT sum(total_cost) AS total, sum(total_cost) FILTER (WHERE allocation = 'idle') AS idle
         FROM cost_daily WHERE org_id = $1 AND day = '2026-05-04'`,
      [org.id],
    );
    expect(day.total).toBeCloseTo(capacityHour * 7, 9);
    expect(day.idle).toBeGreaterThan(0);

    // Teams + unassigned + idle = cluster total.
    const table = await listTeamCosts(orgCostScope(org.id), { from: "2026-05-04", to: "2026-05-04" });
    expect(table.reduce((s, r) => s + r.cost, 0)).toBeCloseTo(day.total, 9);
    expect(table.find((r) => r.key === "idle")?.cost).toBeCloseTo(day.idle, 9);
  });

  it("stops estimating once the cluster sends OpenCost, which replaces the day's estimate", async () => {
    const org = await createTestOrg();
    const cluster = await createTestCluster(org.id);
    await uploadReport(org.id, cluster.id, "workloads", WORKLOADS, new Date("2026-05-04T10:00:00Z"));
    const w = { start: "2026-05-04T00:00:00Z", end: "2026-05-05T00:00:00Z" };
    await uploadReport(org.id, cluster.id, "opencost", {
      code: 200,
      data: [deploymentAllocation("payments", "payments-api", w, { cpu: 2, ram: 1 })],
    });
    const after = await uploadReport(
      org.id,
      cluster.id,
      "workloads",
      { ...(WORKLOADS as object), CreationTime: "x" },
      new Date("2026-05-04T12:00:00Z"),
    );
    expect(after?.summary).toMatchObject({ cost: { skipped: "opencost" } });
    const sources = await rows<{ source: string; total: number }>(
      `SELECT source, sum(total_cost) AS total FROM cost_daily WHERE org_id = $1 GROUP BY source`,
      [org.id],
    );
    expect(sources).toEqual([{ source: "opencost", total: 3 }]);
  });
});

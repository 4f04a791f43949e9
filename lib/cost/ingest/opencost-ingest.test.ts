import { describe, expect, it } from "vitest";
import { pool } from "@/lib/server/db";
import { createTestCluster, createTestOrg, createTestTeam } from "@/lib/testing/factories";
import { getCostSummary, listTeamCosts } from "../queries/overview";
import { orgCostScope } from "../scope";
import { allocation, deploymentAllocation, uploadReport } from "../testing/upload";
import { fixtureJson } from "@/lib/testing/fixtures";

const FIXTURE = fixtureJson("../shared/fixtures/opencost/allocation-example-output.json");

async function sql<T>(text: string, params: unknown[]) {
  return (await pool.query<T & Record<string, unknown>>(text, params)).rows;
}

describe("OpenCost ingest", () => {
  it("stores the fixture's allocations split by UTC day, adding up to each allocation's total", async () => {
    const org = await createTestOrg();
    const cluster = await createTestCluster(org.id);
    const outcome = await uploadReport(org.id, cluster.id, "opencost", FIXTURE);
    expect(outcome?.status).toBe("processed");

    const perNamespace = await sql<{ namespace: string; total: number; days: number }>(
      `SELECT namespace, sum(total_cost) AS total, count(DISTINCT day)::int AS days FROM cost_daily
        WHERE org_id = $1 GROUP BY namespace ORDER BY namespace`,
      [org.id],
    );
    expect(perNamespace.map((r) => r.namespace)).toEqual(["kube-system", "opencost", "prometheus"]);
    expect(perNamespace[0].total).toBeCloseTo(1.52743, 9);
    expect(perNamespace[1].total).toBeCloseTo(0.10937, 9);
    expect(perNamespace[2].total).toBeCloseTo(0.14136, 9);
    // 2023-07-12T11:02:46Z … 2023-07-19T11:02:00Z touches 8 UTC days.
    expect(perNamespace.every((r) => r.days === 8)).toBe(true);

    // A whole day inside the window gets 24 h of the 10079.22 minutes.
    const day = await sql<{ total: number }>(
      `SELECT total_cost AS total FROM cost_daily WHERE org_id = $1 AND namespace = 'kube-system' AND day = '2023-07-15'`,
      [org.id],
    );
    expect(day[0].total).toBeCloseTo((1.52743 * 1440) / 10079.22199, 3);

    // The opencost allocation names its controller: a Deployment row with OpenCost's labels.
    const opencost = await sql<{ kind: string; workload: string; service: string }>(
      `SELECT DISTINCT kind, workload, service FROM cost_daily WHERE org_id = $1 AND namespace = 'opencost'`,
      [org.id],
    );
    expect(opencost).toEqual([{ kind: "Deployment", workload: "opencost", service: "opencost" }]);

    // The org overview over the window reads the rollup and agrees with the rows.
    const scope = orgCostScope(org.id);
    const summary = await getCostSummary(scope, { from: "2023-07-12", to: "2023-07-19" });
    const [{ total }] = await sql<{ total: number }>(
      `SELECT sum(total_cost) AS total FROM cost_daily WHERE org_id = $1`,
      [org.id],
    );
    expect(summary.total).toBeCloseTo(total, 9);
    expect(summary.total).toBeCloseTo(1.52743 + 0.10937 + 0.14136, 9);
    expect(summary.bySource.opencost).toBeCloseTo(total, 9);
  });

  it("keeps __idle__ and __unallocated__ as rows of their own; teams + unassigned + idle + unallocated = total", async () => {
    const org = await createTestOrg();
    const cluster = await createTestCluster(org.id);
    const team = await createTestTeam(org.id, {
      rules: [{ effect: "include", cluster: "*", namespace: "shop", kind: "*", name: "*" }],
    });
    const w = { start: "2026-03-02T00:00:00Z", end: "2026-03-03T00:00:00Z" };
    await uploadReport(org.id, cluster.id, "opencost", {
      code: 200,
      data: [
        {
          ...deploymentAllocation("shop", "checkout", w, { cpu: 3, ram: 1 }),
          ...deploymentAllocation("misc", "tool", w, { cpu: 1 }),
          __idle__: allocation("__idle__", {}, w, { cpu: 2, ram: 0.5 }),
          __unallocated__: allocation("__unallocated__", {}, w, { pv: 0.25 }),
        },
      ],
    });
    const rows = await listTeamCosts(orgCostScope(org.id), { from: "2026-03-02", to: "2026-03-02" });
    const byKey = Object.fromEntries(rows.map((r) => [r.key, r.cost]));
    expect(byKey[team.id]).toBeCloseTo(4, 9);
    expect(byKey.unassigned).toBeCloseTo(1, 9);
    expect(byKey.idle).toBeCloseTo(2.5, 9);
    expect(byKey.unallocated).toBeCloseTo(0.25, 9);
    const [{ total }] = await sql<{ total: number }>(
      `SELECT sum(total_cost) AS total FROM cost_daily WHERE org_id = $1 AND cluster_id = $2 AND day = '2026-03-02'`,
      [org.id, cluster.id],
    );
    expect(rows.reduce((s, r) => s + r.cost, 0)).toBeCloseTo(total, 9);
    expect(total).toBeCloseTo(7.75, 9);
  });

  it("applies an older report that arrives after a newer one: each covers its own days", async () => {
    const org = await createTestOrg();
    const cluster = await createTestCluster(org.id);
    const set = (d: string, cpu: number) => ({
      ...deploymentAllocation(
        "shop",
        "web",
        { start: `${d}T00:00:00Z`, end: new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString() },
        { cpu },
      ),
    });
    await uploadReport(
      org.id,
      cluster.id,
      "opencost",
      { code: 200, data: [set("2026-05-02", 2)] },
      new Date("2026-05-03T01:00:00Z"),
    );
    const late = await uploadReport(
      org.id,
      cluster.id,
      "opencost",
      { code: 200, data: [set("2026-05-01", 1)] },
      new Date("2026-05-02T01:00:00Z"),
    );
    expect(late?.summary).not.toMatchObject({ superseded: true });
    const days = await sql<{ day: string; total: number }>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(total_cost) AS total FROM cost_daily WHERE org_id = $1 GROUP BY 1 ORDER BY 1`,
      [org.id],
    );
    expect(days).toEqual([
      { day: "2026-05-01", total: 1 },
      { day: "2026-05-02", total: 2 },
    ]);
  });
});

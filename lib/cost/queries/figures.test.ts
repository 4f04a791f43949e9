import { describe, expect, it } from "vitest";
import { pool } from "@/lib/server/db";
import { createTestCluster, createTestOrg, createTestTeam } from "@/lib/testing/factories";
import { eachDay } from "../range";
import type { TCostSeriesPoint } from "../types";
import { orgCostScope } from "../scope";
import { labelCostSeries as referenceLabelSeries, listLabelCosts } from "../testing/reference-labels";
import { getTeamCostSummary, listTeamCostBreakdown, listTopMovers } from "../testing/reference-team";
import { allocation, uploadReport } from "../testing/upload";
import { getLabelFigures, labelCostSeries, listCostLabelKeys } from "./labels";
import { getCostSeries, getCostSummary, listTeamCosts } from "./overview";
import { getServiceCostSeries } from "./service";
import { getTeamCostView } from "./team";

// Generated data through the real ingest path: 3 clusters × 4 namespaces × 3 workloads over 20
// days, deterministic pseudo-random costs. Every figure of the views is checked against one SQL
// query over cost_daily, and the buckets must add up to the cluster totals every day.

const FROM = "2026-08-01";
const DAYS = eachDay({ from: FROM, to: "2026-08-20" });
const NAMESPACES = ["shop", "search", "data", "tools"];

function rand(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x / 2 ** 31;
  };
}

async function seed() {
  const org = await createTestOrg();
  const shop = await createTestTeam(org.id, {
    rules: [{ effect: "include", cluster: "*", namespace: "shop", kind: "*", name: "*" }],
  });
  const search = await createTestTeam(org.id, {
    rules: [{ effect: "include", cluster: "*", namespace: "search", kind: "*", name: "*" }],
  });
  const next = rand(42);
  for (let c = 0; c < 3; c++) {
    const cluster = await createTestCluster(org.id, { slug: `c${c}-${org.id.slice(0, 6)}` });
    // One report per 5 days, each a set per day (step=1d), as OpenCost answers window=5d&step=1d.
    for (let i = 0; i < DAYS.length; i += 5) {
      const data = DAYS.slice(i, i + 5).map((d) => {
        const w = { start: `${d}T00:00:00Z`, end: new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString() };
        const set: Record<string, unknown> = { __idle__: allocation("__idle__", {}, w, { cpu: 1 + next() * 3 }) };
        if (next() < 0.5) set.__unallocated__ = allocation("__unallocated__", {}, w, { pv: next() });
        for (const ns of NAMESPACES) {
          for (let k = 0; k < 3; k++) {
            const name = `${ns}-w${k}`;
            const labels: Record<string, string> = { app: name };
            if (k !== 2) labels.product = k === 0 ? "checkout" : "catalog";
            set[`${ns}/${name}`] = allocation(
              name,
              { namespace: ns, controller: name, controllerKind: "deployment", labels },
              w,
              {
                cpu: next() * 5,
                ram: next() * 2,
                pv: next() < 0.3 ? next() : 0,
              },
            );
          }
        }
        return set;
      });
      await uploadReport(org.id, cluster.id, "opencost", { code: 200, data });
    }
  }
  return { org, shop, search };
}

const byDayKey = (points: readonly TCostSeriesPoint[]) =>
  [...points].sort((a, b) => a.day.localeCompare(b.day) || a.key.localeCompare(b.key));

async function one<T>(text: string, params: unknown[]): Promise<T> {
  return (await pool.query(text, params)).rows[0] as T;
}

describe("cost views on generated data", () => {
  it("add up: per cluster and day, teams + unassigned + unallocated + idle = total; every figure = its SQL", async () => {
    const { org, shop, search } = await seed();
    const scope = orgCostScope(org.id);
    const range = { from: "2026-08-06", to: "2026-08-15" };

    // Per cluster-day invariant, straight on the rows and on the rollup.
    const bad = await pool.query(
      `WITH d AS (
         SELECT cluster_id, day, sum(total_cost) AS total,
                sum(total_cost) FILTER (WHERE allocation = 'workload' AND owner_team_id IS NOT NULL) AS teams,
                sum(total_cost) FILTER (WHERE allocation = 'workload' AND owner_team_id IS NULL) AS unassigned,
                coalesce(sum(total_cost) FILTER (WHERE allocation = 'unallocated'), 0) AS unallocated,
                sum(total_cost) FILTER (WHERE allocation = 'idle') AS idle
           FROM cost_daily WHERE org_id = $1 GROUP BY 1, 2)
       SELECT d.* FROM d
         LEFT JOIN (SELECT cluster_id, day, sum(total_cost) AS total FROM cost_rollup_daily WHERE org_id = $1 GROUP BY 1, 2) r
           USING (cluster_id, day)
        WHERE abs(d.teams + d.unassigned + d.unallocated + d.idle - d.total) > 1e-9 OR abs(r.total - d.total) > 1e-9`,
      [org.id],
    );
    expect(bad.rows).toEqual([]);
    expect(
      (
        await one<{ n: number }>(
          `SELECT count(DISTINCT (cluster_id, day))::int AS n FROM cost_daily WHERE org_id = $1`,
          [org.id],
        )
      ).n,
    ).toBe(60);

    // Overview total, change and team table.
    const summary = await getCostSummary(scope, range);
    const sql = await one<{ total: number; previous: number }>(
      `SELECT sum(total_cost) FILTER (WHERE day BETWEEN '2026-08-06' AND '2026-08-15') AS total,
              sum(total_cost) FILTER (WHERE day BETWEEN '2026-07-27' AND '2026-08-05') AS previous
         FROM cost_daily WHERE org_id = $1`,
      [org.id],
    );
    expect(summary.total).toBeCloseTo(sql.total, 9);
    expect(summary.previousTotal).toBeCloseTo(sql.previous, 9);
    const teams = await listTeamCosts(scope, range);
    expect(teams.reduce((s, r) => s + r.cost, 0)).toBeCloseTo(sql.total, 9);
    expect(teams.reduce((s, r) => s + (r.share ?? 0), 0)).toBeCloseTo(1, 9);
    const shopSql = await one<{ cost: number; used: number; requested: number }>(
      `SELECT sum(total_cost) AS cost, sum(used_cost) AS used, sum(requested_cost) AS requested FROM cost_daily
        WHERE org_id = $1 AND owner_team_id = $2 AND day BETWEEN '2026-08-06' AND '2026-08-15'`,
      [org.id, shop.id],
    );
    const shopRow = teams.find((r) => r.key === shop.id);
    expect(shopRow?.cost).toBeCloseTo(shopSql.cost, 9);
    expect(shopRow?.efficiency).toBeCloseTo(shopSql.used / shopSql.requested, 9);
    expect(teams.map((r) => r.bucket).sort()).toEqual(["idle", "team", "team", "unallocated", "unassigned"]);

    // Month-to-date and forecast (the range ends on the 15th of a 31-day month).
    const mtd = await one<{ cost: number }>(
      `SELECT sum(total_cost) AS cost FROM cost_daily WHERE org_id = $1 AND day BETWEEN '2026-08-01' AND '2026-08-15'`,
      [org.id],
    );
    expect(summary.month.monthToDate).toBeCloseTo(mtd.cost, 9);
    expect(summary.month.forecast).toBeCloseTo((mtd.cost / 15) * 31, 9);

    // Series: every grouping sums to the total per day.
    for (const groupBy of ["team", "cluster", "namespace"] as const) {
      const series = await getCostSeries(scope, range, groupBy);
      expect(series.reduce((s, p) => s + p.cost, 0)).toBeCloseTo(sql.total, 9);
    }

    // Team view: breakdowns sum to the team's total; service = app label.
    const teamSummary = await getTeamCostSummary(scope, search.id, range);
    const searchSql = await one<{ cost: number }>(
      `SELECT sum(total_cost) AS cost FROM cost_daily WHERE org_id = $1 AND owner_team_id = $2 AND day BETWEEN '2026-08-06' AND '2026-08-15'`,
      [org.id, search.id],
    );
    expect(teamSummary.total).toBeCloseTo(searchSql.cost, 9);
    for (const by of ["service", "namespace", "workload", "container"] as const) {
      const rows = await listTeamCostBreakdown(scope, search.id, range, by);
      expect(rows.reduce((s, r) => s + r.cost, 0)).toBeCloseTo(searchSql.cost, 9);
    }
    const services = await listTeamCostBreakdown(scope, search.id, range, "service");
    expect(services.map((s) => s.key).sort()).toEqual(["search-w0", "search-w1", "search-w2"]);
    const w0 = await one<{ cost: number; cpu: number }>(
      `SELECT sum(total_cost) AS cost, sum(cpu_core_hours_requested) AS cpu FROM cost_daily
        WHERE org_id = $1 AND service = 'search-w0' AND day BETWEEN '2026-08-06' AND '2026-08-15'`,
      [org.id],
    );
    expect(services.find((s) => s.key === "search-w0")).toMatchObject({
      cost: expect.closeTo(w0.cost, 9),
      cpuCoreHoursRequested: expect.closeTo(w0.cpu, 9),
    });
    const daily = await getServiceCostSeries(scope, search.id, "search-w0", range);
    expect(daily).toHaveLength(10);
    expect(daily.reduce((s, d) => s + d.cost, 0)).toBeCloseTo(w0.cost, 9);
    expect(daily[0].cpuCoreHoursUsed).toBeCloseTo(3 * 0.25 * 24, 9);
    const movers = await listTopMovers(scope, search.id, range, 2);
    expect(movers).toHaveLength(2);
    expect(Math.abs(movers[0].delta)).toBeGreaterThanOrEqual(Math.abs(movers[1].delta));

    // The one-scan view the API uses agrees with the separate queries, for every breakdown.
    for (const teamId of [search.id, null]) {
      for (const by of ["service", "namespace", "workload", "container"] as const) {
        const view = await getTeamCostView(scope, teamId, range, by, 3);
        const separate = await listTeamCostBreakdown(scope, teamId, range, by);
        expect(view.breakdown.map((r) => [r.key, r.label, r.service])).toEqual(
          separate.map((r) => [r.key, r.label, r.service]),
        );
        view.breakdown.forEach((r, i) => {
          expect(r.cost).toBeCloseTo(separate[i].cost, 9);
          expect(r.previousCost ?? 0).toBeCloseTo(separate[i].previousCost ?? 0, 9);
          expect(r.efficiency ?? 0).toBeCloseTo(separate[i].efficiency ?? 0, 9);
          expect(r.cpuCoreHoursUsed ?? 0).toBeCloseTo(separate[i].cpuCoreHoursUsed ?? 0, 9);
        });
        const summaryAlone = await getTeamCostSummary(scope, teamId, range);
        expect(view.summary.total).toBeCloseTo(summaryAlone.total, 9);
        expect(view.summary.previousTotal ?? 0).toBeCloseTo(summaryAlone.previousTotal ?? 0, 9);
        expect(view.summary.month.forecast ?? 0).toBeCloseTo(summaryAlone.month.forecast ?? 0, 9);
        expect(view.movers.map((m) => m.service)).toEqual(
          (await listTopMovers(scope, teamId, range, 3)).map((m) => m.service),
        );
      }
    }

    // Unassigned (tools and data namespaces) as a team-like view.
    const unassigned = await getTeamCostSummary(scope, null, range);
    expect(unassigned.total).toBeCloseTo(teams.find((r) => r.key === "unassigned")?.cost ?? -1, 9);

    // Labels: product values + (none) + idle + unallocated = total; (none) = workloads without the key.
    const keys = await listCostLabelKeys(scope, range);
    expect(keys.sort()).toEqual(["app", "product"]);
    const labels = await listLabelCosts(scope, range, "product");
    expect(labels.map((r) => r.value).sort()).toEqual(["(none)", "__idle__", "__unallocated__", "catalog", "checkout"]);
    expect(labels.reduce((s, r) => s + r.cost, 0)).toBeCloseTo(sql.total, 9);
    const none = await one<{ cost: number }>(
      `SELECT sum(total_cost) AS cost FROM cost_daily WHERE org_id = $1 AND allocation = 'workload'
          AND NOT labels ? 'product' AND day BETWEEN '2026-08-06' AND '2026-08-15'`,
      [org.id],
    );
    expect(labels.find((r) => r.value === "(none)")?.cost).toBeCloseTo(none.cost, 9);
    const checkout = await one<{ cost: number }>(
      `SELECT sum(total_cost) AS cost FROM cost_daily WHERE org_id = $1 AND labels ->> 'product' = 'checkout'
          AND day BETWEEN '2026-08-06' AND '2026-08-15'`,
      [org.id],
    );
    expect(labels.find((r) => r.value === "checkout")?.cost).toBeCloseTo(checkout.cost, 9);
    // The two-scan label view the API uses agrees with the separate queries.
    for (const labelKey of ["product", "app", "no-such-key"]) {
      const figures = await getLabelFigures(scope, range, labelKey);
      const separate = await listLabelCosts(scope, range, labelKey);
      expect(figures.rows.map((r) => [r.value, r.bucket])).toEqual(separate.map((r) => [r.value, r.bucket]));
      figures.rows.forEach((r, i) => {
        expect(r.cost).toBeCloseTo(separate[i].cost, 9);
        expect(r.previousCost ?? -1).toBeCloseTo(separate[i].previousCost ?? -1, 9);
        expect(r.efficiency ?? -1).toBeCloseTo(separate[i].efficiency ?? -1, 9);
      });
      // The series: the label view's, the overview's label grouping and labelCostSeries alone
      // all give the reference's points.
      const reference = byDayKey(await referenceLabelSeries(scope, range, labelKey));
      for (const points of [
        figures.points,
        await labelCostSeries(scope, range, labelKey),
        await getCostSeries(scope, range, "label", labelKey),
      ]) {
        const sorted = byDayKey(points);
        expect(sorted.map((p) => [p.day, p.key, p.bucket])).toEqual(reference.map((p) => [p.day, p.key, p.bucket]));
        sorted.forEach((p, i) => expect(p.cost).toBeCloseTo(reference[i].cost, 9));
      }
    }
    const labelSeries = await labelCostSeries(scope, range, "product");
    expect(labelSeries.reduce((s, p) => s + p.cost, 0)).toBeCloseTo(sql.total, 9);
    const missingKey = await listLabelCosts(scope, range, "no-such-key");
    expect(missingKey.find((r) => r.value === "(none)")?.cost).toBeCloseTo(
      sql.total -
        (teams.find((r) => r.key === "idle")?.cost ?? 0) -
        (teams.find((r) => r.key === "unallocated")?.cost ?? 0),
      9,
    );
  });

  it("shows a member only their teams: no team-less rows, another team not_found", async () => {
    const { org, shop, search } = await seed();
    const memberScope = { orgId: org.id, teamIds: [shop.id], unassigned: false };
    const range = { from: "2026-08-01", to: "2026-08-20" };
    const teams = await listTeamCosts(memberScope, range);
    expect(teams.map((r) => r.key)).toEqual([shop.id]);
    const summary = await getCostSummary(memberScope, range);
    expect(summary.total).toBeCloseTo(teams[0].cost, 9);
    await expect(getTeamCostSummary(memberScope, search.id, range)).rejects.toMatchObject({ code: "not_found" });
    await expect(getTeamCostSummary(memberScope, null, range)).rejects.toMatchObject({ code: "not_found" });
    const labels = await listLabelCosts(memberScope, range, "product");
    expect(labels.map((r) => r.value).sort()).toEqual(["(none)", "catalog", "checkout"]);
    // Another org's scope sees nothing of this org.
    const other = await createTestOrg();
    expect((await getCostSummary(orgCostScope(other.id), range)).total).toBe(0);
    await expect(getTeamCostSummary(orgCostScope(other.id), shop.id, range)).resolves.toMatchObject({ total: 0 });
  });
});

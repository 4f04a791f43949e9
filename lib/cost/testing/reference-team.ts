import "server-only";
import { pool } from "@/lib/server/db";
import { changeOf, summarizeDays } from "../figures";
import { breakdownRowOf, sortBreakdown, type TBreakdownSums } from "../queries/team";
import { getCostCurrency } from "../queries/settings";
import { teamRowsSql } from "../queries/sql";
import { monthStart, previousRange, type TCostRange } from "../range";
import { assertTeamInScope, type TCostScope } from "../scope";
import type { TCostBreakdownBy, TCostBreakdownRow, TCostMover, TTeamCostSummary } from "../types";

// Test support: the reference implementation of a team's figures, one plain query per figure
// (summary, breakdown, movers). Production reads them all from getTeamCostView
// (queries/team.ts) in one GROUPING SETS scan; queries/figures.test.ts checks the two agree.

/** A team's total, change, efficiency and month-to-date forecast. not_found outside the scope. */
export async function getTeamCostSummary(
  scope: TCostScope,
  teamId: string | null,
  range: TCostRange,
): Promise<TTeamCostSummary> {
  assertTeamInScope(scope, teamId);
  const previous = previousRange(range);
  const month = monthStart(range.to);
  const params: unknown[] = [];
  const where = teamRowsSql(scope.orgId, teamId, params);
  const dailyParams = [...params, month < previous.from ? month : previous.from, range.to];
  const [daily, currency] = await Promise.all([
    pool.query<{ day: string; cost: number; used: number; requested: number }>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(total_cost) AS cost, sum(used_cost) AS used,
              sum(requested_cost) AS requested
         FROM cost_daily c WHERE ${where} AND day BETWEEN $${dailyParams.length - 1} AND $${dailyParams.length}
        GROUP BY day`,
      dailyParams,
    ),
    getCostCurrency(scope.orgId),
  ]);
  return summarizeDays(daily.rows, range, currency);
}

const GROUPS: Record<TCostBreakdownBy, { select: string; group: string }> = {
  service: {
    select: `c.service AS key, c.service AS label, NULL::text AS slug, NULL::text AS cluster_name, NULL AS namespace, NULL AS kind, NULL AS workload, NULL AS container, c.service AS service`,
    group: "c.service",
  },
  namespace: {
    select: `cl.slug || '/' || c.namespace AS key, c.namespace AS label, cl.slug, cl.name AS cluster_name, c.namespace, NULL AS kind, NULL AS workload, NULL AS container, NULL AS service`,
    group: "cl.slug, cl.name, c.namespace",
  },
  workload: {
    select: `cl.slug || '/' || c.namespace || '/' || c.kind || '/' || c.workload AS key, c.workload AS label, cl.slug, cl.name AS cluster_name, c.namespace, c.kind, c.workload, NULL AS container, min(c.service) AS service`,
    group: "cl.slug, cl.name, c.namespace, c.kind, c.workload",
  },
  container: {
    select: `cl.slug || '/' || c.namespace || '/' || c.kind || '/' || c.workload || '/' || c.container AS key, CASE WHEN c.container = '' THEN c.workload ELSE c.container END AS label, cl.slug, cl.name AS cluster_name, c.namespace, c.kind, c.workload, c.container, min(c.service) AS service`,
    group: "cl.slug, cl.name, c.namespace, c.kind, c.workload, c.container",
  },
};

type TBreakdownSql = TBreakdownSums & { key: string; label: string; service: string | null };

/**
 * A team's cost by service (app.kubernetes.io/name, else app, else the workload), namespace,
 * workload or container, largest first, with change vs the previous period, efficiency, share
 * and the requested/used core- and GiB-hours. A container of "" is the whole workload (OpenCost
 * aggregated by controller).
 */
export async function listTeamCostBreakdown(
  scope: TCostScope,
  teamId: string | null,
  range: TCostRange,
  by: TCostBreakdownBy,
): Promise<TCostBreakdownRow[]> {
  assertTeamInScope(scope, teamId);
  const previous = previousRange(range);
  const params: unknown[] = [];
  const where = teamRowsSql(scope.orgId, teamId, params);
  params.push(previous.from, range.to, range.from);
  const n = params.length;
  const g = GROUPS[by];
  const cur = `FILTER (WHERE c.day >= $${n})`;
  const { rows } = await pool.query<TBreakdownSql>(
    `SELECT ${g.select},
            sum(c.total_cost) ${cur} AS cost, sum(c.total_cost) FILTER (WHERE c.day < $${n}) AS previous,
            sum(c.used_cost) ${cur} AS used, sum(c.requested_cost) ${cur} AS requested,
            sum(c.cpu_core_hours_requested) ${cur} AS cpu_req, sum(c.cpu_core_hours_used) ${cur} AS cpu_used,
            sum(c.memory_gib_hours_requested) ${cur} AS mem_req, sum(c.memory_gib_hours_used) ${cur} AS mem_used
       FROM cost_daily c JOIN clusters cl ON cl.id = c.cluster_id
      WHERE ${where} AND c.day BETWEEN $${n - 2} AND $${n - 1}
      GROUP BY ${g.group}`,
    params,
  );
  // Rows only in the previous period are gone now; the movers list shows them, not the breakdown.
  return sortBreakdown(rows.filter((r) => r.cost !== null).map((r) => breakdownRowOf(r, r.key, r.label, r.service)));
}

/** The services whose cost moved most (by absolute difference) vs the previous period. */
export async function listTopMovers(
  scope: TCostScope,
  teamId: string | null,
  range: TCostRange,
  limit = 5,
): Promise<TCostMover[]> {
  assertTeamInScope(scope, teamId);
  const previous = previousRange(range);
  const params: unknown[] = [];
  const where = teamRowsSql(scope.orgId, teamId, params);
  params.push(previous.from, range.to, range.from, limit);
  const n = params.length;
  const { rows } = await pool.query<{ service: string; cost: number; previous: number }>(
    `SELECT service, coalesce(sum(total_cost) FILTER (WHERE day >= $${n - 1}), 0) AS cost,
            coalesce(sum(total_cost) FILTER (WHERE day < $${n - 1}), 0) AS previous
       FROM cost_daily c WHERE ${where} AND day BETWEEN $${n - 3} AND $${n - 2}
      GROUP BY service
      ORDER BY abs(coalesce(sum(total_cost) FILTER (WHERE day >= $${n - 1}), 0)
                 - coalesce(sum(total_cost) FILTER (WHERE day < $${n - 1}), 0)) DESC, service
      LIMIT $${n}`,
    params,
  );
  return rows.map((r) => ({
    service: r.service,
    cost: r.cost,
    previousCost: r.previous,
    delta: r.cost - r.previous,
    change: changeOf(r.cost, r.previous),
  }));
}

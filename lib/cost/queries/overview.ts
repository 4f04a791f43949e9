import "server-only";
import { pool } from "@/lib/server/db";
import { changeOf, periodSummary, ratioOf, setShares } from "../figures";
import { monthStart, previousRange, type TCostRange } from "../range";
import { costScopeSql, type TCostScope } from "../scope";
import { labelCostSeries } from "./labels";
import { getCostCurrency } from "./settings";
import { BUCKET_SQL } from "./sql";
import type { TCostBucket, TCostSeriesGroup, TCostSeriesPoint, TCostSummary, TTeamCostRow } from "../types";

// The org overview reads cost_rollup_daily (one row per day, cluster, team, namespace and
// allocation, rebuilt at ingest), never cost_daily, so it stays fast whatever the workload count.

/**
 * Total, change vs the previous period, efficiency, month-to-date with its linear forecast and
 * the split by source, over the rows the scope may read. The month is the one of the range's
 * last day.
 */
export async function getCostSummary(scope: TCostScope, range: TCostRange): Promise<TCostSummary> {
  const previous = previousRange(range);
  const month = monthStart(range.to);
  const params: unknown[] = [];
  const where = costScopeSql(scope, "r", params);
  const dailyParams = [...params, month, range.to];
  params.push(previous.from, range.to, range.from, previous.from, previous.to);
  const n = params.length;
  const [sums, daily, sources, currency] = await Promise.all([
    pool.query<{ total: number | null; previous: number | null; used: number | null; requested: number | null }>(
      `SELECT sum(total_cost) FILTER (WHERE day >= $${n - 2}) AS total,
              sum(total_cost) FILTER (WHERE day BETWEEN $${n - 1} AND $${n}) AS previous,
              sum(used_cost) FILTER (WHERE day >= $${n - 2}) AS used,
              sum(requested_cost) FILTER (WHERE day >= $${n - 2}) AS requested
         FROM cost_rollup_daily r WHERE ${where} AND day BETWEEN $${n - 4} AND $${n - 3}`,
      params,
    ),
    pool.query<{ day: string; cost: number }>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(total_cost) AS cost
         FROM cost_rollup_daily r WHERE ${where} AND day BETWEEN $${dailyParams.length - 1} AND $${dailyParams.length}
        GROUP BY day`,
      dailyParams,
    ),
    sourceSplit(scope, range),
    getCostCurrency(scope.orgId),
  ]);
  const s = sums.rows[0];
  return {
    ...periodSummary({
      currency,
      range,
      total: s?.total ?? 0,
      previousTotal: s?.previous ?? null,
      used: s?.used ?? 0,
      requested: s?.requested ?? null,
      daily: new Map(daily.rows.map((r) => [r.day, r.cost])),
    }),
    bySource: sources.bySource,
    reconciledDays: sources.reconciledDays,
  };
}

async function sourceSplit(scope: TCostScope, range: TCostRange) {
  const params: unknown[] = [];
  const where = costScopeSql(scope, "r", params);
  params.push(range.from, range.to);
  const { rows } = await pool.query<{ source: string; cost: number; days: number }>(
    `SELECT source, sum(total_cost) AS cost, count(DISTINCT day)::int AS days
       FROM cost_rollup_daily r WHERE ${where} AND day BETWEEN $${params.length - 1} AND $${params.length}
      GROUP BY source`,
    params,
  );
  const bySource = { opencost: 0, estimate: 0, cloud: 0 };
  for (const r of rows) if (r.source in bySource) bySource[r.source as keyof typeof bySource] = r.cost;
  return { bySource, reconciledDays: rows.find((r) => r.source === "cloud")?.days ?? 0 };
}

/**
 * Daily cost grouped by team (with unassigned, idle and unallocated as their own keys), cluster,
 * namespace or the values of a label key (workloads without it under "(none)"). Long form:
 * one point per day and key that has rows; prepareCostSeries fills the gaps and keeps the top N.
 */
export async function getCostSeries(
  scope: TCostScope,
  range: TCostRange,
  groupBy: TCostSeriesGroup,
  labelKey?: string,
): Promise<TCostSeriesPoint[]> {
  if (groupBy === "label") return labelCostSeries(scope, range, labelKey ?? "");
  const params: unknown[] = [];
  const where = costScopeSql(scope, "r", params);
  params.push(range.from, range.to);
  const between = `day BETWEEN $${params.length - 1} AND $${params.length}`;
  const bucket = BUCKET_SQL("r");
  const sql =
    groupBy === "team"
      ? `SELECT to_char(r.day, 'YYYY-MM-DD') AS day, ${bucket} AS bucket,
                coalesce(r.owner_team_id::text, ${bucket}) AS key, coalesce(t.name, ${bucket}) AS label,
                sum(r.total_cost) AS cost
           FROM cost_rollup_daily r LEFT JOIN teams t ON t.id = r.owner_team_id
          WHERE ${where} AND r.${between} GROUP BY 1, 2, 3, 4 ORDER BY 1`
      : groupBy === "cluster"
        ? `SELECT to_char(r.day, 'YYYY-MM-DD') AS day, 'group' AS bucket, c.slug AS key, c.name AS label,
                  sum(r.total_cost) AS cost
             FROM cost_rollup_daily r JOIN clusters c ON c.id = r.cluster_id
            WHERE ${where} AND r.${between} GROUP BY 1, 3, 4 ORDER BY 1`
        : `SELECT to_char(r.day, 'YYYY-MM-DD') AS day,
                  CASE WHEN r.allocation = 'workload' THEN 'group' ELSE r.allocation END AS bucket,
                  r.namespace AS key, r.namespace AS label, sum(r.total_cost) AS cost
             FROM cost_rollup_daily r
            WHERE ${where} AND r.${between} GROUP BY 1, 2, 3 ORDER BY 1`;
  const { rows } = await pool.query<TCostSeriesPoint>(sql, params);
  return rows;
}

/**
 * One row per team the scope reads (teams without cost in the range included, at 0), plus
 * unassigned, idle and unallocated when the scope reads team-less rows, largest first. Cost,
 * change vs the previous period, efficiency and share of the table's total.
 */
export async function listTeamCosts(scope: TCostScope, range: TCostRange): Promise<TTeamCostRow[]> {
  const previous = previousRange(range);
  const params: unknown[] = [];
  const where = costScopeSql(scope, "r", params);
  params.push(previous.from, range.to, range.from);
  const n = params.length;
  const teamParams: unknown[] = [scope.orgId, scope.teamIds];
  const [sums, teams] = await Promise.all([
    pool.query<{
      bucket: TCostBucket;
      team_id: string | null;
      cost: number | null;
      previous: number | null;
      used: number | null;
      requested: number | null;
    }>(
      `SELECT ${BUCKET_SQL("r")} AS bucket, r.owner_team_id AS team_id,
              sum(total_cost) FILTER (WHERE day >= $${n}) AS cost,
              sum(total_cost) FILTER (WHERE day < $${n}) AS previous,
              sum(used_cost) FILTER (WHERE day >= $${n}) AS used,
              sum(requested_cost) FILTER (WHERE day >= $${n}) AS requested
         FROM cost_rollup_daily r WHERE ${where} AND day BETWEEN $${n - 2} AND $${n - 1}
        GROUP BY 1, 2`,
      params,
    ),
    pool.query<{ id: string; slug: string; name: string }>(
      `SELECT id, slug, name FROM teams WHERE org_id = $1 AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[])) ORDER BY name`,
      teamParams,
    ),
  ]);
  const byKey = new Map(sums.rows.map((r) => [r.team_id ?? r.bucket, r]));
  const rows: TTeamCostRow[] = [];
  const push = (key: string, bucket: TCostBucket, team: TTeamCostRow["team"]) => {
    const s = byKey.get(key);
    const cost = s?.cost ?? 0;
    const prev = s?.previous ?? null;
    rows.push({
      key,
      bucket,
      team,
      cost,
      previousCost: prev,
      change: changeOf(cost, prev),
      efficiency: ratioOf(s?.used ?? 0, s?.requested ?? null),
      share: null,
    });
  };
  for (const t of teams.rows) push(t.id, "team", t);
  if (scope.unassigned) {
    for (const bucket of ["unassigned", "idle", "unallocated"] as const) {
      // Unallocated exists only with OpenCost; an empty row would only say "not applicable".
      if (bucket !== "unallocated" || byKey.has(bucket)) push(bucket, bucket, null);
    }
  }
  return setShares(rows).sort(
    (a, b) => b.cost - a.cost || (a.team?.name ?? a.key).localeCompare(b.team?.name ?? b.key),
  );
}

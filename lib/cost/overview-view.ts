import "server-only";
import { pool } from "@/lib/server/db";
import { forecastMonthEnd } from "./forecast";
import { labelCostSeries } from "./labels";
import { monthStart, previousRange, type TCostRange } from "./range";
import { costScopeSql, type TCostScope } from "./scope";
import { getCostCurrency } from "./settings-queries";
import { BUCKET_SQL, changeOf, ratioOf } from "./sql";
import type { TCostBucket, TCostSeriesGroup, TCostSeriesPoint, TCostSummary, TTeamCostRow } from "./types";

// The org overview from ONE scan of cost_rollup_daily: GROUPING SETS give the per-day totals
// (month-to-date, forecast), the split by source, the team table (current and previous period)
// and the series grouping together. Same figures as getCostSummary + getCostSeries +
// listTeamCosts (tested), in one round trip instead of six.

type TRow = {
  part: "day" | "source" | "bucket" | "series";
  day: string | null;
  source: string | null;
  bucket: TCostBucket | null;
  team_id: string | null;
  series_key: string | null;
  series_bucket: string | null;
  total: number;
  cost: number | null;
  previous: number | null;
  used: number | null;
  requested: number | null;
  days: number;
};

// `marker`: a column grouped in the series set (with the day), to tell its rows apart.
const SERIES: Record<
  Exclude<TCostSeriesGroup, "label">,
  { key: string; bucket: string; group: string; marker: string }
> = {
  team: {
    key: `coalesce(r.owner_team_id::text, ${BUCKET_SQL("r")})`,
    bucket: BUCKET_SQL("r"),
    group: `r.day, ${BUCKET_SQL("r")}, r.owner_team_id`,
    marker: "r.owner_team_id",
  },
  cluster: { key: "r.cluster_id::text", bucket: "'group'", group: "r.day, r.cluster_id", marker: "r.cluster_id" },
  namespace: {
    key: "r.namespace",
    bucket: "CASE WHEN r.allocation = 'workload' THEN 'group' ELSE r.allocation END",
    group: "r.day, r.namespace, r.allocation",
    marker: "r.namespace",
  },
};

export type TOverviewFigures = { summary: TCostSummary; points: TCostSeriesPoint[]; teams: TTeamCostRow[] };

/** Summary, series points and team table of the org overview (see the functions of overview.ts). */
export async function getOverviewFigures(
  scope: TCostScope,
  range: TCostRange,
  groupBy: TCostSeriesGroup,
  labelKey?: string,
): Promise<TOverviewFigures> {
  const previous = previousRange(range);
  const month = monthStart(range.to);
  const lo = month < previous.from ? month : previous.from;
  const params: unknown[] = [];
  const where = costScopeSql(scope, "r", params);
  params.push(lo, range.to, range.from, previous.from, previous.to);
  const n = params.length;
  const cur = `FILTER (WHERE r.day >= $${n - 2})`;
  const prev = `FILTER (WHERE r.day BETWEEN $${n - 1} AND $${n})`;
  const series = groupBy === "label" ? null : SERIES[groupBy];
  const sets = [
    "(r.day)",
    "(r.source)",
    `(${BUCKET_SQL("r")}, r.owner_team_id)`,
    ...(series ? [`(${series.group})`] : []),
  ];
  // In the series set the day is grouped too: GROUPING(r.source) tells the parts apart with it.
  const part = `CASE WHEN GROUPING(r.source) = 0 THEN 'source'
                     WHEN GROUPING(r.owner_team_id) = 0 AND GROUPING(r.day) = 1 THEN 'bucket'
                     WHEN GROUPING(r.day) = 0 AND ${series ? `GROUPING(${series.marker}) = 0` : "false"} THEN 'series'
                     ELSE 'day' END`;
  const [result, teams, clusters, currency, labelPoints] = await Promise.all([
    pool.query<TRow>(
      `SELECT ${part} AS part, to_char(r.day, 'YYYY-MM-DD') AS day, r.source,
              CASE WHEN GROUPING(r.owner_team_id) = 0 THEN ${BUCKET_SQL("r")} END AS bucket, r.owner_team_id AS team_id,
              ${series ? `${series.key}` : "NULL"} AS series_key, ${series ? series.bucket : "NULL"} AS series_bucket,
              sum(r.total_cost) AS total, sum(r.total_cost) ${cur} AS cost, sum(r.total_cost) ${prev} AS previous,
              sum(r.used_cost) ${cur} AS used, sum(r.requested_cost) ${cur} AS requested,
              (count(DISTINCT r.day) ${cur})::int AS days
         FROM cost_rollup_daily r WHERE ${where} AND r.day BETWEEN $${n - 4} AND $${n - 3}
        GROUP BY GROUPING SETS (${sets.join(", ")})`,
      params,
    ),
    pool.query<{ id: string; slug: string; name: string }>(
      `SELECT id, slug, name FROM teams WHERE org_id = $1 AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[])) ORDER BY name`,
      [scope.orgId, scope.teamIds],
    ),
    groupBy === "cluster"
      ? pool.query<{ id: string; slug: string; name: string }>(
          `SELECT id, slug, name FROM clusters WHERE org_id = $1`,
          [scope.orgId],
        )
      : Promise.resolve({ rows: [] as { id: string; slug: string; name: string }[] }),
    getCostCurrency(scope.orgId),
    groupBy === "label" ? labelCostSeries(scope, range, labelKey ?? "") : Promise.resolve(null),
  ]);
  const rows = result.rows;

  // Team table (and with it total, previous total, efficiency).
  const byKey = new Map<string, TRow>();
  for (const r of rows.filter((x) => x.part === "bucket")) byKey.set(r.team_id ?? r.bucket ?? "", r);
  const table: TTeamCostRow[] = [];
  const push = (key: string, bucket: TCostBucket, team: TTeamCostRow["team"]) => {
    const s = byKey.get(key);
    const cost = s?.cost ?? 0;
    const before = s?.previous ?? null;
    table.push({
      key,
      bucket,
      team,
      cost,
      previousCost: before,
      change: changeOf(cost, before),
      efficiency: ratioOf(s?.used ?? 0, s?.requested ?? null),
      share: null,
    });
  };
  for (const t of teams.rows) push(t.id, "team", t);
  if (scope.unassigned) {
    for (const bucket of ["unassigned", "idle", "unallocated"] as const) {
      if (bucket !== "unallocated" || byKey.has(bucket)) push(bucket, bucket, null);
    }
  }
  let total = 0;
  let previousTotal: number | null = null;
  let used = 0;
  let requested = 0;
  for (const r of byKey.values()) {
    total += r.cost ?? 0;
    if (r.previous !== null) previousTotal = (previousTotal ?? 0) + r.previous;
    used += r.used ?? 0;
    requested += r.requested ?? 0;
  }
  const tableTotal = table.reduce((s, r) => s + r.cost, 0);
  for (const r of table) r.share = ratioOf(r.cost, tableTotal);
  table.sort((a, b) => b.cost - a.cost || (a.team?.name ?? a.key).localeCompare(b.team?.name ?? b.key));

  const bySource = { opencost: 0, estimate: 0, cloud: 0 };
  let reconciledDays = 0;
  for (const r of rows.filter((x) => x.part === "source")) {
    if (r.source && r.source in bySource) bySource[r.source as keyof typeof bySource] = r.cost ?? 0;
    if (r.source === "cloud") reconciledDays = r.days;
  }
  const daily = new Map<string, number>();
  for (const r of rows.filter((x) => x.part === "day")) if (r.day) daily.set(r.day, r.total);

  const teamName = new Map(teams.rows.map((t) => [t.id, t.name]));
  const cluster = new Map(clusters.rows.map((c) => [c.id, c]));
  const points: TCostSeriesPoint[] =
    labelPoints ??
    rows
      .filter((r) => r.part === "series" && r.day !== null && r.day >= range.from && r.series_key !== null)
      .map((r) => {
        const key = r.series_key ?? "";
        if (groupBy === "cluster") {
          const c = cluster.get(key);
          return {
            day: r.day ?? "",
            key: c?.slug ?? key,
            label: c?.name ?? key,
            bucket: "group" as const,
            cost: r.cost ?? 0,
          };
        }
        const bucket = (r.series_bucket ?? "group") as TCostSeriesPoint["bucket"];
        const label = groupBy === "team" ? (teamName.get(key) ?? key) : key;
        return { day: r.day ?? "", key, label, bucket, cost: r.cost ?? 0 };
      })
      .sort((a, b) => a.day.localeCompare(b.day));

  const summary: TCostSummary = {
    currency,
    range,
    previousRange: previous,
    total,
    previousTotal,
    change: changeOf(total, previousTotal),
    efficiency: ratioOf(used, requested),
    month: forecastMonthEnd(daily, range.to),
    bySource,
    reconciledDays,
  };
  return { summary, points, teams: table };
}

import "server-only";
import { pool } from "@/lib/server/db";
import { forecastMonthEnd } from "./forecast";
import { monthStart, previousRange, type TCostRange } from "./range";
import { assertTeamInScope, type TCostScope } from "./scope";
import { getCostCurrency } from "./settings-queries";
import { changeOf, ratioOf } from "./sql";
import type { TCostMover, TTeamCostSummary } from "./team";
import type { TCostBreakdownBy, TCostBreakdownRow } from "./types";

// The team cost page's figures from ONE scan of the team's cost_daily rows: GROUPING SETS give
// the per-day totals (summary, month-to-date, forecast), the per-service totals (movers) and the
// breakdown together. Same results as getTeamCostSummary + listTeamCostBreakdown + listTopMovers.

export type TTeamCostView = { summary: TTeamCostSummary; breakdown: TCostBreakdownRow[]; movers: TCostMover[] };

const BY_COLUMNS: Record<Exclude<TCostBreakdownBy, "service">, string[]> = {
  namespace: ["cl.slug", "cl.name", "c.namespace"],
  workload: ["cl.slug", "cl.name", "c.namespace", "c.kind", "c.workload"],
  container: ["cl.slug", "cl.name", "c.namespace", "c.kind", "c.workload", "c.container"],
};

type TRow = {
  part: "day" | "service" | "by";
  day: string | null;
  service: string | null;
  slug: string | null;
  cluster_name: string | null;
  namespace: string | null;
  kind: string | null;
  workload: string | null;
  container: string | null;
  any_service: string | null;
  total: number;
  cost: number | null;
  previous: number | null;
  used: number | null;
  requested: number | null;
  cpu_req: number | null;
  cpu_used: number | null;
  mem_req: number | null;
  mem_used: number | null;
};

function keyOf(by: TCostBreakdownBy, r: TRow): string {
  if (by === "service") return r.service ?? "";
  const parts = [r.slug, r.namespace];
  if (by !== "namespace") parts.push(r.kind, r.workload);
  if (by === "container") parts.push(r.container);
  return parts.join("/");
}

function labelOf(by: TCostBreakdownBy, r: TRow): string {
  if (by === "service") return r.service ?? "";
  if (by === "namespace") return r.namespace ?? "";
  if (by === "workload") return r.workload ?? "";
  return r.container ? r.container : (r.workload ?? "");
}

/** One team's (or, with null, the unassigned workloads') summary, breakdown and top movers. */
export async function getTeamCostView(
  scope: TCostScope,
  teamId: string | null,
  range: TCostRange,
  by: TCostBreakdownBy,
  moversLimit = 5,
): Promise<TTeamCostView> {
  assertTeamInScope(scope, teamId);
  const previous = previousRange(range);
  const month = monthStart(range.to);
  const lo = month < previous.from ? month : previous.from;
  const params: unknown[] = [scope.orgId];
  let team = `c.owner_team_id IS NULL AND c.allocation = 'workload'`;
  if (teamId !== null) {
    params.push(teamId);
    team = `c.owner_team_id = $2::uuid`;
  }
  params.push(lo, range.to, range.from, previous.from, previous.to);
  const n = params.length;
  const cur = `FILTER (WHERE c.day >= $${n - 2})`;
  const byColumns = by === "service" ? [] : BY_COLUMNS[by];
  const sets = ["(c.day)", "(c.service)", ...(byColumns.length ? [`(${byColumns.join(", ")})`] : [])];
  const select = (column: string, alias: string) =>
    byColumns.includes(column) ? `${column} AS ${alias}` : `NULL::text AS ${alias}`;
  const [result, currency] = await Promise.all([
    pool.query<TRow>(
      `SELECT CASE WHEN GROUPING(c.day) = 0 THEN 'day' WHEN GROUPING(c.service) = 0 THEN 'service' ELSE 'by' END AS part,
              to_char(c.day, 'YYYY-MM-DD') AS day, c.service,
              ${select("cl.slug", "slug")}, ${select("cl.name", "cluster_name")}, ${select("c.namespace", "namespace")},
              ${select("c.kind", "kind")}, ${select("c.workload", "workload")}, ${select("c.container", "container")},
              min(c.service) AS any_service,
              sum(c.total_cost) AS total,
              sum(c.total_cost) ${cur} AS cost,
              sum(c.total_cost) FILTER (WHERE c.day BETWEEN $${n - 1} AND $${n}) AS previous,
              sum(c.used_cost) ${cur} AS used, sum(c.requested_cost) ${cur} AS requested,
              sum(c.cpu_core_hours_requested) ${cur} AS cpu_req, sum(c.cpu_core_hours_used) ${cur} AS cpu_used,
              sum(c.memory_gib_hours_requested) ${cur} AS mem_req, sum(c.memory_gib_hours_used) ${cur} AS mem_used
         FROM cost_daily c JOIN clusters cl ON cl.id = c.cluster_id
        WHERE c.org_id = $1 AND ${team} AND c.day BETWEEN $${n - 4} AND $${n - 3}
        GROUP BY GROUPING SETS (${sets.join(", ")})`,
      params,
    ),
    getCostCurrency(scope.orgId),
  ]);
  const days = result.rows.filter((r) => r.part === "day");
  const services = result.rows.filter((r) => r.part === "service");
  const byRows = by === "service" ? services : result.rows.filter((r) => r.part === "by");

  let total = 0;
  let used = 0;
  let requested = 0;
  let prev = 0;
  let prevRows = false;
  for (const d of days) {
    if (d.day === null) continue;
    if (d.day >= range.from) {
      total += d.total;
      used += d.used ?? 0;
      requested += d.requested ?? 0;
    } else if (d.day >= previous.from && d.day <= previous.to) {
      prev += d.total;
      prevRows = true;
    }
  }
  const previousTotal = prevRows ? prev : null;
  const summary: TTeamCostSummary = {
    currency,
    range,
    previousRange: previous,
    total,
    previousTotal,
    change: changeOf(total, previousTotal),
    efficiency: ratioOf(used, requested),
    month: forecastMonthEnd(new Map(days.map((d) => [d.day ?? "", d.total])), range.to),
  };

  const breakdown: TCostBreakdownRow[] = byRows
    .filter((r) => r.cost !== null)
    .map((r) => ({
      key: keyOf(by, r),
      label: labelOf(by, r),
      cluster: r.slug && r.cluster_name ? { slug: r.slug, name: r.cluster_name } : null,
      namespace: r.namespace,
      kind: r.kind,
      workload: r.workload,
      container: r.container,
      service: by === "service" ? r.service : by === "namespace" ? null : r.any_service,
      cost: r.cost ?? 0,
      previousCost: r.previous,
      change: changeOf(r.cost ?? 0, r.previous),
      efficiency: ratioOf(r.used ?? 0, r.requested),
      share: null,
      cpuCoreHoursRequested: r.cpu_req ?? 0,
      cpuCoreHoursUsed: r.cpu_used,
      memoryGibHoursRequested: r.mem_req ?? 0,
      memoryGibHoursUsed: r.mem_used,
    }));
  const sum = breakdown.reduce((s, r) => s + r.cost, 0);
  for (const r of breakdown) r.share = ratioOf(r.cost, sum);
  breakdown.sort((a, b) => b.cost - a.cost || a.key.localeCompare(b.key));

  const movers: TCostMover[] = services
    .filter((r) => r.cost !== null || r.previous !== null)
    .map((r) => {
      const cost = r.cost ?? 0;
      const before = r.previous ?? 0;
      return {
        service: r.service ?? "",
        cost,
        previousCost: before,
        delta: cost - before,
        change: changeOf(cost, before),
      };
    })
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.service.localeCompare(b.service))
    .slice(0, moversLimit);
  return { summary, breakdown, movers };
}

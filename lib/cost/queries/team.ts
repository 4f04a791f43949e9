import "server-only";
import { pool } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { changeOf, ratioOf, setShares, summarizeDays } from "../figures";
import { monthStart, previousRange, type TCostRange } from "../range";
import { assertTeamInScope, type TCostScope } from "../scope";
import type { TCostBreakdownBy, TCostBreakdownRow, TCostMover, TTeamCostSummary } from "../types";
import { getCostCurrency } from "./settings";
import { teamRowsSql } from "./sql";

// A team's cost figures (or, with teamId null, the workloads no team owns) from ONE scan of the
// team's cost_daily rows through its (org_id, owner_team_id, day) index: GROUPING SETS give the
// per-day totals (summary, month-to-date, forecast), the per-service totals (movers) and the
// breakdown together. The tests check them against testing/reference-team.ts, one plain query
// per figure.

/** The team slug that names the workloads no team owns. */
export const UNASSIGNED_SLUG = "unassigned";

/**
 * A team of the org by slug (null for "unassigned"); not_found when the org has no such team.
 * Whether the caller may read it is the query's check (assertTeamInScope).
 */
export async function findCostTeam(
  orgId: string,
  slug: string,
): Promise<{ id: string; slug: string; name: string } | null> {
  if (slug === UNASSIGNED_SLUG) return null;
  const { rows } = await pool.query<{ id: string; slug: string; name: string }>(
    `SELECT id, slug, name FROM teams WHERE org_id = $1 AND slug = $2`,
    [orgId, slug],
  );
  if (!rows[0]) throw new AppError("not_found", "Team not found.");
  return rows[0];
}

export type TTeamCostView = { summary: TTeamCostSummary; breakdown: TCostBreakdownRow[]; movers: TCostMover[] };

const BY_COLUMNS: Record<Exclude<TCostBreakdownBy, "service">, string[]> = {
  namespace: ["cl.slug", "cl.name", "c.namespace"],
  workload: ["cl.slug", "cl.name", "c.namespace", "c.kind", "c.workload"],
  container: ["cl.slug", "cl.name", "c.namespace", "c.kind", "c.workload", "c.container"],
};

/** The columns of a breakdown row as the queries select them (here and in the reference). */
export type TBreakdownSums = {
  slug: string | null;
  cluster_name: string | null;
  namespace: string | null;
  kind: string | null;
  workload: string | null;
  container: string | null;
  cost: number | null;
  previous: number | null;
  used: number | null;
  requested: number | null;
  cpu_req: number | null;
  cpu_used: number | null;
  mem_req: number | null;
  mem_used: number | null;
};

type TRow = TBreakdownSums & {
  part: "day" | "service" | "by";
  day: string | null;
  service: string | null;
  any_service: string | null;
  total: number;
};

/** A breakdown row from its sums; share is set over the whole table by sortBreakdown. */
export function breakdownRowOf(
  r: TBreakdownSums,
  key: string,
  label: string,
  service: string | null,
): TCostBreakdownRow {
  return {
    key,
    label,
    cluster: r.slug && r.cluster_name ? { slug: r.slug, name: r.cluster_name } : null,
    namespace: r.namespace,
    kind: r.kind,
    workload: r.workload,
    container: r.container,
    service,
    cost: r.cost ?? 0,
    previousCost: r.previous,
    change: changeOf(r.cost ?? 0, r.previous),
    efficiency: ratioOf(r.used ?? 0, r.requested),
    share: null,
    cpuCoreHoursRequested: r.cpu_req ?? 0,
    cpuCoreHoursUsed: r.cpu_used,
    memoryGibHoursRequested: r.mem_req ?? 0,
    memoryGibHoursUsed: r.mem_used,
  };
}

/** Shares of the table's total, largest first (ties by key). */
export function sortBreakdown(rows: TCostBreakdownRow[]): TCostBreakdownRow[] {
  return setShares(rows).sort((a, b) => b.cost - a.cost || a.key.localeCompare(b.key));
}

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
  const params: unknown[] = [];
  const team = teamRowsSql(scope.orgId, teamId, params);
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
        WHERE ${team} AND c.day BETWEEN $${n - 4} AND $${n - 3}
        GROUP BY GROUPING SETS (${sets.join(", ")})`,
      params,
    ),
    getCostCurrency(scope.orgId),
  ]);
  const days = result.rows.filter((r) => r.part === "day");
  const services = result.rows.filter((r) => r.part === "service");
  const byRows = by === "service" ? services : result.rows.filter((r) => r.part === "by");

  const summary: TTeamCostSummary = summarizeDays(
    days.map((d) => ({ day: d.day ?? "", cost: d.total, used: d.used ?? 0, requested: d.requested ?? 0 })),
    range,
    currency,
  );

  const breakdown = sortBreakdown(
    byRows
      .filter((r) => r.cost !== null)
      .map((r) =>
        breakdownRowOf(
          r,
          keyOf(by, r),
          labelOf(by, r),
          by === "service" ? r.service : by === "namespace" ? null : r.any_service,
        ),
      ),
  );

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

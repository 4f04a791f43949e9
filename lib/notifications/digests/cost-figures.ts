import "server-only";
import { param } from "@/lib/server/sql";
import { budgetDailySpend } from "@/lib/cost/budgets/spend";
import type { TBudgetThreshold } from "@/lib/cost/budgets/schemas";
import type { TDigestSql, TFigureScope } from "./figure-scope";
import { figureRows, groupingSets, teamCondition } from "./figure-scope";

// Cost and budget figures of every audience of an org, from the rollups the cost pages read:
// one statement per figure, grouped by owning team.

type TDays = { from: string; to: string; previousFrom: string; previousTo: string };

export type TCostDayRow = { team_id: string | null; day: string; cost: number };

/** Cost per team and UTC day over both periods (the org's total is the sum of every row). */
export async function costByDay(sql: TDigestSql, scope: TFigureScope, days: TDays): Promise<TCostDayRow[]> {
  return figureRows<TCostDayRow>(sql, scope, (params) => {
    const from = param(params, days.previousFrom, "date");
    const to = param(params, days.to, "date");
    return `SELECT r.owner_team_id AS team_id, to_char(r.day, 'YYYY-MM-DD') AS day, sum(r.total_cost)::float8 AS cost
              FROM cost_rollup_daily r
             WHERE r.org_id = $1 AND r.day BETWEEN ${from} AND ${to} ${teamCondition(scope, "r", params)}
             GROUP BY r.owner_team_id, r.day`;
  });
}

export type TMoverRow = {
  team_id: string | null;
  org_wide: boolean;
  cluster_slug: string;
  cluster_name: string;
  namespace: string;
  cost: number;
  previous: number;
};

export const MOVERS_LIMIT = 3;

/**
 * The namespaces whose cost changed most (absolute), per team and org-wide. Workload rows only:
 * idle capacity and unallocated costs are no one's namespace.
 */
export async function costMovers(sql: TDigestSql, scope: TFigureScope, days: TDays): Promise<TMoverRow[]> {
  return figureRows<TMoverRow>(sql, scope, (params) => {
    const previousFrom = param(params, days.previousFrom, "date");
    const from = param(params, days.from, "date");
    const to = param(params, days.to, "date");
    const condition = teamCondition(scope, "r", params);
    const limit = param(params, MOVERS_LIMIT, "int");
    return `WITH m AS (
         SELECT r.owner_team_id AS team_id, GROUPING(r.owner_team_id) = 1 AS org_wide, r.cluster_id, r.namespace,
                coalesce(sum(r.total_cost) FILTER (WHERE r.day >= ${from}), 0)::float8 AS cost,
                coalesce(sum(r.total_cost) FILTER (WHERE r.day < ${from}), 0)::float8 AS previous
           FROM cost_rollup_daily r
          WHERE r.org_id = $1 AND r.day BETWEEN ${previousFrom} AND ${to} AND r.allocation = 'workload' ${condition}
          GROUP BY ${groupingSets(scope, "r.owner_team_id", ["r.cluster_id", "r.namespace"])}
       ), ranked AS (
         SELECT m.*, c.slug AS cluster_slug, c.name AS cluster_name,
                row_number() OVER (PARTITION BY m.org_wide, m.team_id
                                   ORDER BY abs(m.cost - m.previous) DESC, c.slug, m.namespace) AS rank
           FROM m JOIN clusters c ON c.id = m.cluster_id
          WHERE m.cost <> m.previous
       )
       SELECT team_id, org_wide, cluster_slug, cluster_name, namespace, cost, previous
         FROM ranked WHERE rank <= ${limit}
        ORDER BY org_wide, team_id, rank`;
  });
}

export type TBudgetRow = {
  id: string;
  name: string;
  scope: "team" | "service" | "label";
  team_id: string | null;
  team_slug: string | null;
  team_name: string | null;
  monthly_amount: number;
  thresholds: TBudgetThreshold[];
};

/**
 * The budgets of the audiences (a team's; every budget for the org's digest) and their daily
 * spend this month, through the cost feature's own spend query (lib/cost/budgets/spend.ts).
 */
export async function budgetsWithSpend(
  sql: TDigestSql,
  scope: TFigureScope,
  month: { from: string; asOf: string },
): Promise<{ budgets: TBudgetRow[]; spend: Map<string, Map<string, number>> }> {
  const params: unknown[] = [scope.orgId];
  const condition = scope.org ? "" : `AND b.team_id = ANY(${param(params, scope.teamIds, "uuid[]")})`;
  const { rows } = await sql.query<TBudgetRow>(
    `SELECT b.id, b.name, b.scope, b.team_id, t.slug AS team_slug, t.name AS team_name, b.monthly_amount, b.thresholds
       FROM cost_budgets b LEFT JOIN teams t ON t.id = b.team_id
      WHERE b.org_id = $1 ${condition}
      ORDER BY b.name, b.id`,
    params,
  );
  if (!rows.length) return { budgets: [], spend: new Map() };
  const ids = rows.map((r) => r.id);
  return { budgets: rows, spend: await budgetDailySpend(sql, scope.orgId, ids, month.from, month.asOf) };
}

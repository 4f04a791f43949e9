import "server-only";
import type { Pool, PoolClient } from "pg";

/** Per budget and day, what the budget's scope cost (team: rollup; service: daily rows; label: label rollup). */
export async function budgetDailySpend(
  db: Pool | PoolClient,
  orgId: string,
  budgetIds: readonly string[] | null,
  from: string,
  to: string,
): Promise<Map<string, Map<string, number>>> {
  const { rows } = await db.query<{ id: string; day: string; cost: number }>(
    `WITH b AS (
       SELECT id, scope, team_id, value, label_key FROM cost_budgets
        WHERE org_id = $1 AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))
     )
     SELECT b.id, to_char(d.day, 'YYYY-MM-DD') AS day, d.cost FROM b CROSS JOIN LATERAL (
       SELECT r.day, sum(r.total_cost) AS cost FROM cost_rollup_daily r
        WHERE b.scope = 'team' AND r.org_id = $1 AND r.owner_team_id = b.team_id AND r.day BETWEEN $3 AND $4
        GROUP BY r.day
       UNION ALL
       SELECT c.day, sum(c.total_cost) FROM cost_daily c
        WHERE b.scope = 'service' AND c.org_id = $1 AND c.owner_team_id = b.team_id AND c.service = b.value
          AND c.day BETWEEN $3 AND $4
        GROUP BY c.day
       UNION ALL
       SELECT l.day, sum(l.total_cost) FROM cost_label_daily l
        WHERE b.scope = 'label' AND l.org_id = $1 AND l.label_key = b.label_key AND l.label_value = b.value
          AND (b.team_id IS NULL OR l.owner_team_id = b.team_id) AND l.day BETWEEN $3 AND $4
        GROUP BY l.day
     ) d`,
    [orgId, budgetIds, from, to],
  );
  const out = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const days = out.get(r.id) ?? new Map<string, number>();
    days.set(r.day, (days.get(r.day) ?? 0) + r.cost);
    out.set(r.id, days);
  }
  return out;
}

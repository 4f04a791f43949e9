import "server-only";
import { clearAlert } from "@/lib/alerting/raise-alert";
import { pool } from "@/lib/server/db";
import { inTransaction } from "@/lib/server/sql";

// A budget incident is about one month (notifyBudgetAlert keys it `budget:<id>:<YYYY-MM>`). When
// that month is over, the problem it reported can no longer get worse or be fixed: the incident
// resolves by itself, as a fixed finding's does. A deleted budget's open incident resolves too.

const KEY = /^budget:([0-9a-f-]{36}):(\d{4}-\d{2})$/;

/** Resolves open budget incidents of past months or of deleted budgets (in every org, or one); returns how many. */
export async function clearEndedBudgetAlerts(options: { now?: Date; orgId?: string } = {}): Promise<number> {
  const thisMonth = (options.now ?? new Date()).toISOString().slice(0, 7);
  const { rows } = await pool.query<{ org_id: string; team_id: string | null; subject: string; exists: boolean }>(
    `SELECT g.org_id, g.team_id, g.subject,
            EXISTS (SELECT 1 FROM cost_budgets b
                     WHERE b.org_id = g.org_id AND b.id::text = split_part(g.subject, ':', 2)) AS exists
       FROM alert_groups g
      WHERE g.kind = 'budget' AND g.status = 'open' AND starts_with(g.subject, 'budget:')
        AND ($1::uuid IS NULL OR g.org_id = $1)`,
    [options.orgId ?? null],
  );
  let cleared = 0;
  for (const row of rows) {
    const match = KEY.exec(row.subject);
    if (!match) continue;
    if (match[2] >= thisMonth && row.exists) continue;
    await inTransaction(pool, (client) =>
      clearAlert(client, { orgId: row.org_id, teamId: row.team_id, key: row.subject }),
    );
    cleared++;
  }
  return cleared;
}

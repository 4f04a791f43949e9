import "server-only";
import { pool } from "@/lib/server/db";
import { inTransaction } from "@/lib/server/sql";
import { loadDispatchRule } from "./dispatch-context";
import { parsePageSubject, syncRulePage } from "./dispatch-page";

/**
 * Every open rule incident brought in line with its findings (the minute job): resolved once none
 * of them is open (fixed, resolved or snoozed, by a report, a person or a rule), updated when
 * fewer are. One transaction per incident. Returns how many resolved.
 */
export async function syncRulePages(options: { now?: Date; orgId?: string } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const { rows } = await pool.query<{ org_id: string; team_id: string | null; subject: string }>(
    `SELECT org_id, team_id, subject FROM alert_groups
      WHERE kind = 'budget' AND status = 'open' AND starts_with(subject, 'rule:')
        AND ($1::uuid IS NULL OR org_id = $1::uuid)`,
    [options.orgId ?? null],
  );
  let resolved = 0;
  for (const group of rows) {
    const parsed = parsePageSubject(group.subject);
    if (!parsed) continue;
    const open = await inTransaction(pool, async (client) => {
      const rule = await loadDispatchRule(client, group.org_id, parsed.ruleId);
      return syncRulePage(client, group.org_id, group.team_id, parsed.ruleId, rule, parsed, now);
    });
    if (!open) resolved++;
  }
  return resolved;
}

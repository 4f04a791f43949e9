import "server-only";
import { pool } from "@/lib/server/db";

export const EXPIRE_SNOOZES_JOB = "expire-snoozes";

/** Rows per statement: keeps each transaction (and its rollup trigger) short after a long outage. */
const BATCH = 5000;

/**
 * A snooze an automation rule set ran its course: its mark becomes 'done:<rule>' so the rule does
 * not snooze the finding again (lib/automation/marks.ts; written out here, as jobs import no feature).
 */
const SPENT_RULE_SNOOZE = `CASE WHEN f.rule_marks->>'snooze' IS NOT NULL AND f.rule_marks->>'snooze' <> 'manual'
                                 AND f.rule_marks->>'snooze' NOT LIKE 'done:%'
                            THEN f.rule_marks || jsonb_build_object('snooze', 'done:' || (f.rule_marks->>'snooze'))
                            ELSE f.rule_marks END`;

/**
 * Opens again every finding whose snooze ended at or before `now`, with an `unsnoozed` event
 * (data {until, expired: true}, no actor). Set-based, in batches; rows a triage action holds
 * right now are skipped and picked up on the next run. Returns how many findings it opened.
 */
export async function expireSnoozes(now: Date = new Date()): Promise<number> {
  let total = 0;
  for (;;) {
    const { rows } = await pool.query<{ n: number }>(
      `WITH due AS (
         SELECT id, snoozed_until FROM findings
          WHERE snoozed_until <= $1
          ORDER BY snoozed_until, id
          LIMIT $2
            FOR UPDATE SKIP LOCKED
       ), expired AS (
         UPDATE findings f SET snoozed_until = NULL, rule_marks = ${SPENT_RULE_SNOOZE}, updated_at = now()
           FROM due
          WHERE f.id = due.id
         RETURNING f.id, f.org_id, due.snoozed_until AS until
       ), events AS (
         INSERT INTO finding_events (org_id, finding_id, kind, data)
         SELECT org_id, id, 'unsnoozed', jsonb_build_object('until', until, 'expired', true) FROM expired
         RETURNING 1
       )
       SELECT count(*)::int AS n FROM events`,
      [now, BATCH],
    );
    const n = rows[0]?.n ?? 0;
    total += n;
    if (n < BATCH) return total;
  }
}

import "server-only";
import type pg from "pg";
import type { TActionKey } from "../schemas";
import { CANDIDATES } from "./candidates-table";
import type { TRuleRun, TRuleStat } from "./types";

// What leaves a run besides the findings: the ledger (one row per rule that matched something or
// failed) and the dispatches of ticket / notify / page actions for the findings a rule newly
// matched, which the worker sends after the transaction commits.

export const DISPATCH_ACTIONS = ["ticket", "notify", "page"] as const satisfies readonly TActionKey[];

/**
 * One automation_dispatches row per rule and action, with the findings the rule matched now that
 * it had not fired for yet (not in their marks' `sent`). Rules not stored (drafts) send nothing.
 */
export async function writeDispatches(
  client: pg.ClientBase,
  orgId: string,
  now: Date,
  pairs: ReadonlyArray<{ ruleId: string; action: string }>,
): Promise<number> {
  if (pairs.length === 0) return 0;
  const { rowCount } = await client.query(
    `INSERT INTO automation_dispatches (org_id, rule_id, action, finding_ids, created_at)
     SELECT $1::uuid, ar.id, d.action, array_agg(c.finding_id ORDER BY c.finding_id), $4::timestamptz
       FROM unnest($2::text[], $3::text[]) AS d(rule_id, action)
       JOIN automation_rules ar ON ar.org_id = $1::uuid AND ar.id::text = d.rule_id
       JOIN ${CANDIDATES} c ON d.rule_id = ANY(c.matched) AND NOT coalesce(c.o_marks->'sent' ? d.rule_id, false)
      GROUP BY ar.id, d.action`,
    [orgId, pairs.map((p) => p.ruleId), pairs.map((p) => p.action), now],
  );
  return rowCount ?? 0;
}

/**
 * The ledger rows of a run: rules that matched at least one finding or failed. A job's batches
 * add up into one row per rule (upsert on job and rule).
 */
export async function writeLedger(
  client: pg.ClientBase,
  run: TRuleRun,
  startedAt: Date,
  stats: readonly TRuleStat[],
): Promise<void> {
  const rows = stats.filter((s) => s.matched > 0 || s.error);
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO automation_rule_runs AS l (org_id, rule_id, trigger, report_id, job_id, started_at, duration_ms,
                                           matched, changed, error)
     SELECT $1::uuid, ar.id, $2::automation_trigger, $3::uuid, $4::uuid, $5::timestamptz, u.duration, u.matched,
            u.changed, u.error
       FROM unnest($6::text[], $7::int[], $8::int[], $9::int[], $10::text[]) AS u(rule_id, duration, matched, changed, error)
       JOIN automation_rules ar ON ar.org_id = $1::uuid AND ar.id::text = u.rule_id
     ON CONFLICT (job_id, rule_id) WHERE job_id IS NOT NULL DO UPDATE SET
       duration_ms = l.duration_ms + EXCLUDED.duration_ms,
       matched = l.matched + EXCLUDED.matched,
       changed = l.changed + EXCLUDED.changed,
       error = coalesce(EXCLUDED.error, l.error)`,
    [
      run.orgId,
      run.trigger,
      run.reportId ?? null,
      run.jobId ?? null,
      startedAt,
      rows.map((s) => s.ruleId),
      rows.map((s) => Math.round(s.durationMs)),
      rows.map((s) => s.matched),
      rows.map((s) => s.changed),
      rows.map((s) => s.error ?? null),
    ],
  );
}

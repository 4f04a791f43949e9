import "server-only";
import { pool } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { inTransaction } from "@/lib/server/sql";
import {
  AUTOMATION_JOBS_CHANNEL,
  jobOf,
  JOB_COLUMNS,
  type TApplyJob,
  type TApplyJobTrigger,
  type TJobRow,
} from "./job-row";

// Queues a job; the worker's job loop (woken by NOTIFY at commit, polling as a fallback) runs it.

/** Serializes starts per org (a transaction lock; runs hold a session lock in another namespace). */
const START_LOCK_NAMESPACE = 73019002;

/**
 * Queues "apply `ruleId` to existing findings" (null: every open finding of the org, the daily
 * pass). A job of the same rule and trigger still queued or running is returned instead of a
 * second one: applying twice would change nothing anyway. The caller records the audit entry.
 */
export async function startApplyJob(
  orgId: string,
  input: { ruleId: string | null; requestedById: string | null; trigger?: TApplyJobTrigger },
): Promise<TApplyJob> {
  const trigger = input.trigger ?? "apply";
  return inTransaction(pool, async (client) => {
    await client.query(`SELECT pg_advisory_xact_lock($1::int, hashtext($2::text))`, [START_LOCK_NAMESPACE, orgId]);
    if (input.ruleId) {
      const rule = await client.query(`SELECT 1 FROM automation_rules WHERE id = $1::uuid AND org_id = $2::uuid`, [
        input.ruleId,
        orgId,
      ]);
      if (!rule.rowCount) throw new AppError("not_found", "Rule not found.");
    }
    const pending = await client.query<TJobRow>(
      `SELECT ${JOB_COLUMNS} FROM automation_jobs j
        WHERE j.org_id = $1::uuid AND j.rule_id IS NOT DISTINCT FROM $2::uuid AND j.trigger = $3::automation_trigger
          AND j.status IN ('queued', 'running')
        ORDER BY j.created_at LIMIT 1`,
      [orgId, input.ruleId, trigger],
    );
    if (pending.rows[0]) return jobOf(pending.rows[0]);
    const { rows } = await client.query<TJobRow>(
      `INSERT INTO automation_jobs AS j (org_id, rule_id, trigger, requested_by_id)
       VALUES ($1::uuid, $2::uuid, $3::automation_trigger, $4::uuid)
       RETURNING ${JOB_COLUMNS}`,
      [orgId, input.ruleId, trigger, input.requestedById],
    );
    const job = jobOf(rows[0]!);
    await client.query(`SELECT pg_notify($1, $2)`, [AUTOMATION_JOBS_CHANNEL, job.id]);
    return job;
  });
}

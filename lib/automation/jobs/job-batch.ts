import "server-only";
import type pg from "pg";
import { alertOnFindingsTriaged } from "@/lib/alerting/hooks";
import { findingsMatchingRule } from "../engine/candidates";
import { runRules } from "../engine/run-rules";
import type { TAutomationRule } from "../schemas";
import { jobOf, JOB_COLUMNS, type TApplyJob, type TJobRow } from "./job-row";

// One batch of a job, in one transaction: the job row is locked (a cancel waits for the batch, and
// a second worker could not step on it even without the run lock), the rules run over the next
// findings after the cursor, alert groups follow what the rules resolved or snoozed, and the
// progress and cursor commit with the changes. A worker killed mid-batch loses only that batch's
// uncommitted work; whoever picks the job up again starts after the last committed cursor.

/** Fields alert evaluation does not read (lib/alerting): changing only these cannot move a group. */
const ALERT_BLIND_FIELDS = new Set<string>(["assignee", "tags"]);

/** `job` null: the job is gone (its rule was deleted, and the job with it). */
export type TBatchOutcome = { job: TApplyJob | null; finished: boolean };

/** The next `limit` open findings of the org after `afterId`, in id order (the daily pass). */
async function openFindingsAfter(
  client: pg.ClientBase,
  orgId: string,
  afterId: string | null,
  limit: number,
): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT id FROM findings
      WHERE org_id = $1::uuid AND status = 'open' AND ($2::uuid IS NULL OR id > $2::uuid)
      ORDER BY id LIMIT $3`,
    [orgId, afterId, limit],
  );
  return rows.map((r) => r.id);
}

/** Open findings the job will look at: the rule's candidates, or all of the org's. */
export async function countOpenFindings(client: pg.ClientBase, orgId: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM findings WHERE org_id = $1::uuid AND status = 'open'`,
    [orgId],
  );
  return rows[0]?.n ?? 0;
}

async function finish(client: pg.ClientBase, jobId: string): Promise<TJobRow> {
  const { rows } = await client.query<TJobRow>(
    `UPDATE automation_jobs j SET status = 'done', finished_at = now(), total = j.processed
      WHERE j.id = $1::uuid RETURNING ${JOB_COLUMNS}`,
    [jobId],
  );
  return rows[0]!;
}

/**
 * Runs the job's next batch in its own transaction on `client` (which holds the job's run lock).
 * `rule` is the job's rule (null: the daily pass). Finished: the job is done, or no longer
 * running (cancelled meanwhile).
 */
export async function runJobBatch(
  client: pg.ClientBase,
  jobId: string,
  rule: TAutomationRule | null,
  options: { batchSize: number; now: Date },
): Promise<TBatchOutcome> {
  await client.query("BEGIN");
  try {
    // The job is resumable from its committed cursor, so a batch lost to a crash right after its
    // commit is simply done again: no need to wait for the WAL flush. No JIT: the batch's wide
    // statements compiled for seconds and ran no faster.
    await client.query("SET LOCAL synchronous_commit = off; SET LOCAL jit = off");
    const locked = await client.query<TJobRow>(
      `SELECT ${JOB_COLUMNS} FROM automation_jobs j WHERE j.id = $1::uuid FOR UPDATE`,
      [jobId],
    );
    const row = locked.rows[0];
    if (!row || row.status !== "running") {
      await client.query("COMMIT");
      return { job: row ? jobOf(row) : null, finished: true };
    }
    const page = { afterId: row.cursor, limit: options.batchSize, now: options.now };
    const ids = rule
      ? await findingsMatchingRule(client, row.org_id, rule, page)
      : await openFindingsAfter(client, row.org_id, page.afterId, page.limit);
    if (!ids.length) {
      const done = await finish(client, jobId);
      await client.query("COMMIT");
      return { job: jobOf(done), finished: true };
    }
    const result = await runRules(
      client,
      { orgId: row.org_id, trigger: row.trigger, now: options.now, jobId },
      { kind: "ids", ids },
    );
    // Alert groups follow what rules resolved, snoozed, moved, re-rated or made due (and what came
    // back), as after a triage. Alerting reads neither assignees nor tags: those alone skip it.
    if (result.changes.some((c) => !ALERT_BLIND_FIELDS.has(c.field))) {
      await alertOnFindingsTriaged(client, row.org_id, result.changedIds);
    }
    const { rows } = await client.query<TJobRow>(
      `UPDATE automation_jobs j SET processed = j.processed + $2, changed = j.changed + $3, cursor = $4::uuid
        WHERE j.id = $1::uuid RETURNING ${JOB_COLUMNS}`,
      [jobId, ids.length, result.changedFindings, ids[ids.length - 1]],
    );
    // A short page is the last one: done in the same transaction, without an empty round.
    const last = ids.length < options.batchSize;
    const after = last ? await finish(client, jobId) : rows[0]!;
    await client.query("COMMIT");
    return { job: jobOf(after), finished: last };
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  }
}

import "server-only";
import type pg from "pg";
import { pool } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { countFindingsMatchingRule } from "../engine/candidates";
import { RULE_COLUMNS, ruleFromRow, type TAutomationRuleRow } from "../engine/load-rules";
import type { TAutomationRule } from "../schemas";
import { countOpenFindings, runJobBatch } from "./job-batch";
import { FINISHED_STATUSES, jobOf, JOB_COLUMNS, type TApplyJob, type TJobRow } from "./job-row";

// Running a job to its end, batch after batch. The worker that runs an org's job holds a session
// advisory lock on the org on its own connection for as long as it runs: a dead worker's
// connection closes and frees the lock at once, so any worker resumes its job after the last
// committed cursor; a live worker's lock is never taken twice, and one job per org runs at a time
// (the others wait, queued).

const RUN_LOCK_NAMESPACE = 73019001;

/**
 * Findings per batch (one transaction each). Measured with 50 rules over 200,000 open findings
 * (docs/benchmarks.md): 10,000 keeps a batch near a second, so a cancel or a shutdown waits no
 * longer, while the per-batch cost (rule loading, the ledger upsert, alert evaluation) stays small.
 */
export const DEFAULT_BATCH_SIZE = 10_000;

/** A deadlock or serialization failure with ingest or triage: the batch is simply tried again. */
const TRANSIENT = new Set(["40001", "40P01", "55P03"]);
const BATCH_ATTEMPTS = 3;

export type TRunApplyJobOptions = {
  batchSize?: number;
  /** The run's clock (default: when the job first started, so a resumed job sees the same ages). */
  now?: Date;
  /** Stops after this many batches, leaving the job running (tests: a worker killed mid-job). */
  stopAfterBatches?: number;
  /** Checked between batches: the worker is shutting down (the job stays running, to be resumed). */
  shouldStop?: () => boolean;
};

async function readJob(client: pg.ClientBase, jobId: string): Promise<TJobRow | null> {
  const { rows } = await client.query<TJobRow>(`SELECT ${JOB_COLUMNS} FROM automation_jobs j WHERE j.id = $1::uuid`, [
    jobId,
  ]);
  return rows[0] ?? null;
}

async function loadRule(client: pg.ClientBase, orgId: string, ruleId: string): Promise<TAutomationRule | null> {
  const { rows } = await client.query<TAutomationRuleRow>(
    `SELECT ${RULE_COLUMNS} FROM automation_rules r WHERE r.id = $1::uuid AND r.org_id = $2::uuid`,
    [ruleId, orgId],
  );
  return rows[0] ? ruleFromRow(rows[0]) : null;
}

async function fail(client: pg.ClientBase, jobId: string, error: string): Promise<TJobRow | null> {
  const { rows } = await client.query<TJobRow>(
    `UPDATE automation_jobs j SET status = 'failed', error = $2, finished_at = now()
      WHERE j.id = $1::uuid AND j.status IN ('queued', 'running') RETURNING ${JOB_COLUMNS}`,
    [jobId, error.slice(0, 1000)],
  );
  return rows[0] ?? readJob(client, jobId);
}

/** Marks the job running; on its first start, counts what it will look at. */
async function begin(client: pg.ClientBase, row: TJobRow, rule: TAutomationRule | null): Promise<TJobRow> {
  if (row.started_at) {
    const { rows } = await client.query<TJobRow>(
      `UPDATE automation_jobs j SET status = 'running' WHERE j.id = $1::uuid AND j.status IN ('queued', 'running')
       RETURNING ${JOB_COLUMNS}`,
      [row.id],
    );
    return rows[0] ?? row;
  }
  const startedAt = new Date();
  const total = rule
    ? await countFindingsMatchingRule(client, row.org_id, rule, startedAt)
    : await countOpenFindings(client, row.org_id);
  const { rows } = await client.query<TJobRow>(
    `UPDATE automation_jobs j SET status = 'running', started_at = $2, total = $3
      WHERE j.id = $1::uuid AND j.status IN ('queued', 'running') RETURNING ${JOB_COLUMNS}`,
    [row.id, startedAt, total],
  );
  return rows[0] ?? row;
}

async function batchWithRetries(
  client: pg.ClientBase,
  jobId: string,
  rule: TAutomationRule | null,
  options: { batchSize: number; now: Date },
) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runJobBatch(client, jobId, rule, options);
    } catch (err) {
      const code = (err as { code?: string }).code ?? "";
      if (!TRANSIENT.has(code) || attempt >= BATCH_ATTEMPTS) throw err;
    }
  }
}

async function runLocked(client: pg.ClientBase, jobId: string, options: TRunApplyJobOptions): Promise<TApplyJob> {
  const row = await readJob(client, jobId);
  if (!row) throw new AppError("not_found", "Job not found.");
  if (FINISHED_STATUSES.has(row.status)) return jobOf(row);
  let rule: TAutomationRule | null = null;
  if (row.rule_id) {
    rule = await loadRule(client, row.org_id, row.rule_id);
    if (!rule) return jobOf((await fail(client, jobId, "The rule cannot be read; save it again."))!);
  }
  let job = jobOf(await begin(client, row, rule));
  const now = options.now ?? job.startedAt ?? new Date();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  for (let batches = 0; job.status === "running"; batches++) {
    if (options.stopAfterBatches !== undefined && batches >= options.stopAfterBatches) break;
    if (options.shouldStop?.()) break;
    let outcome;
    try {
      outcome = await batchWithRetries(client, jobId, rule, { batchSize, now });
    } catch (err) {
      const failed = await fail(client, jobId, (err as Error).message);
      if (!failed) throw new AppError("not_found", "Job not found.");
      return jobOf(failed);
    }
    if (!outcome.job) throw new AppError("not_found", "Job not found.");
    job = outcome.job;
    if (outcome.finished) break;
  }
  return job;
}

/**
 * Runs the job unless another worker runs a job of its org right now (`ran` false: the job is
 * returned as it stands). See runApplyJob.
 */
export async function tryRunApplyJob(
  jobId: string,
  options: TRunApplyJobOptions = {},
): Promise<{ job: TApplyJob; ran: boolean }> {
  const client = await pool.connect();
  let orgId: string | null = null;
  let broken = false;
  try {
    const row = await readJob(client, jobId);
    if (!row) throw new AppError("not_found", "Job not found.");
    if (FINISHED_STATUSES.has(row.status)) return { job: jobOf(row), ran: false };
    const { rows } = await client.query<{ locked: boolean }>(
      `SELECT pg_try_advisory_lock($1::int, hashtext($2::text)) AS locked`,
      [RUN_LOCK_NAMESPACE, row.org_id],
    );
    if (!rows[0]?.locked) return { job: jobOf(row), ran: false };
    orgId = row.org_id;
    return { job: await runLocked(client, jobId, options), ran: true };
  } catch (err) {
    broken = !(err instanceof AppError);
    throw err;
  } finally {
    if (orgId) {
      await client
        .query(`SELECT pg_advisory_unlock($1::int, hashtext($2::text))`, [RUN_LOCK_NAMESPACE, orgId])
        .catch(() => (broken = true));
    }
    // A connection in doubt is closed rather than pooled: closing also frees any lock it held.
    client.release(broken);
  }
}

/**
 * Runs the job from where it stands until it is done, failed or cancelled (or `stopAfterBatches`
 * / `shouldStop` say to stop; it stays running then). When another worker runs a job of the same
 * org right now, returns the job as it is without running it. Applying a second time changes
 * nothing: the rules' changes are idempotent.
 */
export async function runApplyJob(jobId: string, options: TRunApplyJobOptions = {}): Promise<TApplyJob> {
  return (await tryRunApplyJob(jobId, options)).job;
}

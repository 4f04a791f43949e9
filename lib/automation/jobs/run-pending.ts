import "server-only";
import { pool } from "@/lib/server/db";
import type { TApplyJob } from "./job-row";
import { tryRunApplyJob, type TRunApplyJobOptions } from "./run-apply-job";

/**
 * The worker's round: jobs left running by a worker that died first (their org's run lock is free
 * now), then queued ones, oldest first. A job whose org another worker is busy with is skipped
 * (runApplyJob returns it untouched) and tried on a later round. Returns the jobs this round
 * finished or stopped.
 */
export async function runPendingApplyJobs(
  options: Pick<TRunApplyJobOptions, "shouldStop" | "batchSize"> & {
    log?: (line: string) => void;
    /** Only this org's jobs (tests share one database). */
    orgId?: string;
  } = {},
): Promise<TApplyJob[]> {
  const { rows } = await pool.query<{ id: string }>(
    `SELECT id FROM automation_jobs WHERE status IN ('queued', 'running') AND ($1::uuid IS NULL OR org_id = $1::uuid)
      ORDER BY status = 'running' DESC, created_at, id LIMIT 100`,
    [options.orgId ?? null],
  );
  const finished: TApplyJob[] = [];
  for (const { id } of rows) {
    if (options.shouldStop?.()) break;
    try {
      const before = Date.now();
      const { job, ran } = await tryRunApplyJob(id, { shouldStop: options.shouldStop, batchSize: options.batchSize });
      if (!ran) continue;
      finished.push(job);
      options.log?.(
        `job ${job.id} ${job.status}: ${job.processed}/${job.total} finding(s), ${job.changed} changed` +
          ` (${Date.now() - before} ms)${job.error ? `: ${job.error}` : ""}`,
      );
    } catch (err) {
      options.log?.(`job ${id}: ${(err as Error).message}`);
    }
  }
  return finished;
}

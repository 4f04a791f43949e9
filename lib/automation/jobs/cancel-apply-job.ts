import "server-only";
import { z } from "zod";
import { pool } from "@/lib/server/db";
import type { TApplyJob } from "./job-row";
import { getApplyJob } from "./queries";

/**
 * Cancels the org's job if it has not finished. A running job stops before its next batch: the
 * batch in progress holds the job's row, so this waits for it, and that batch's changes stay.
 * Returns the job as it is now, or null when the org has no such job. The caller records the
 * audit entry.
 */
export async function cancelApplyJob(orgId: string, jobId: string): Promise<TApplyJob | null> {
  if (!z.uuid().safeParse(jobId).success) return null;
  await pool.query(
    `UPDATE automation_jobs SET status = 'cancelled', finished_at = now()
      WHERE id = $1::uuid AND org_id = $2::uuid AND status IN ('queued', 'running')`,
    [jobId, orgId],
  );
  return getApplyJob(orgId, jobId);
}

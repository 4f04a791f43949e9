import "server-only";
import { z } from "zod";
import { pool } from "@/lib/server/db";
import { jobOf, JOB_COLUMNS, type TApplyJob, type TJobRow } from "./job-row";

// Reads of apply-to-existing jobs, always within the tenant: another org's job id reads as none.

const ZId = z.uuid();

/** The org's job with this id, or null (another org's, or not an id at all). */
export async function getApplyJob(orgId: string, jobId: string): Promise<TApplyJob | null> {
  if (!ZId.safeParse(jobId).success) return null;
  const { rows } = await pool.query<TJobRow>(
    `SELECT ${JOB_COLUMNS} FROM automation_jobs j WHERE j.id = $1::uuid AND j.org_id = $2::uuid`,
    [jobId, orgId],
  );
  return rows[0] ? jobOf(rows[0]) : null;
}

/** The rule's newest job (what its page shows: progress, or how the last run went), or null. */
export async function latestApplyJob(orgId: string, ruleId: string): Promise<TApplyJob | null> {
  if (!ZId.safeParse(ruleId).success) return null;
  const { rows } = await pool.query<TJobRow>(
    `SELECT ${JOB_COLUMNS} FROM automation_jobs j
      WHERE j.org_id = $1::uuid AND j.rule_id = $2::uuid
      ORDER BY j.created_at DESC, j.id DESC LIMIT 1`,
    [orgId, ruleId],
  );
  return rows[0] ? jobOf(rows[0]) : null;
}

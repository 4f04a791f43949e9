import "server-only";
import { pool } from "@/lib/server/db";
import { startApplyJob } from "./start-apply-job";

export const DAILY_RULES_PASS_JOB = "automation-daily-pass";

/**
 * Queues the daily pass of every org with an enabled rule: all its open findings through its
 * rules again, for what only time changes (age conditions, rules that expired and whose changes
 * are undone, owners moved by scope edits). A pass still waiting is not queued twice, and the run
 * lock runs one job per org at a time. Returns how many orgs have a pass pending.
 */
export async function startDailyPasses(options: { orgId?: string } = {}): Promise<number> {
  const { rows } = await pool.query<{ org_id: string }>(
    `SELECT DISTINCT org_id FROM automation_rules WHERE enabled AND ($1::uuid IS NULL OR org_id = $1::uuid)`,
    [options.orgId ?? null],
  );
  for (const { org_id } of rows) {
    await startApplyJob(org_id, { ruleId: null, requestedById: null, trigger: "schedule" });
  }
  return rows.length;
}

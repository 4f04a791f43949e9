import "server-only";
import { pool } from "@/lib/server/db";
import { startApplyJob } from "./start-apply-job";

export const DAILY_RULES_PASS_JOB = "automation-daily-pass";

/**
 * Queues the daily pass of every org with an enabled rule: all its open findings through its
 * rules again, for what only time changes (age conditions, rules that expired and whose changes
 * are undone, owners moved by scope edits). One pass per org at a time: one still queued or
 * running is left alone. Returns how many orgs have a pass pending.
 */
export async function startDailyPasses(): Promise<number> {
  const { rows } = await pool.query<{ org_id: string }>(`SELECT DISTINCT org_id FROM automation_rules WHERE enabled`);
  for (const { org_id } of rows) {
    await startApplyJob(org_id, { ruleId: null, requestedById: null, trigger: "schedule" });
  }
  return rows.length;
}

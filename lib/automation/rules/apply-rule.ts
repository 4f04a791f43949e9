import "server-only";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { cancelApplyJob } from "@/lib/automation/jobs/cancel-apply-job";
import type { TApplyJob } from "@/lib/automation/jobs/job-row";
import { getApplyJob } from "@/lib/automation/jobs/queries";
import { startApplyJob } from "@/lib/automation/jobs/start-apply-job";
import { db, pool } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { z } from "zod";

// "Apply to existing findings" for one rule of a list, and the job's progress and cancel, each
// kept to the list the caller manages: a job of another list's (or org's) rule is not_found.

export type { TApplyJob };

async function ruleOfList(orgId: string, teamId: string | null, ruleId: string) {
  if (!z.uuid().safeParse(ruleId).success) throw notFound("Rule not found.");
  const rule = await db.automationRule.findFirst({
    where: { id: ruleId, orgId, teamId },
    select: { id: true, name: true },
  });
  if (!rule) throw notFound("Rule not found.");
  return rule;
}

/** Queues the job (or returns the one already queued or running) and audits the request. */
export async function applyRule(
  orgId: string,
  actor: TAuditEntry["actor"],
  teamId: string | null,
  ruleId: string,
): Promise<TApplyJob> {
  const rule = await ruleOfList(orgId, teamId, ruleId);
  const job = await startApplyJob(orgId, {
    ruleId: rule.id,
    requestedById: "userId" in actor ? actor.userId : null,
    trigger: "apply",
  });
  await recordAudit(pool, {
    orgId,
    actor,
    action: "automation_rule.applied",
    target: { type: "automation_rule", id: rule.id, label: rule.name },
    after: { jobId: job.id },
  });
  return job;
}

/** A job of a rule of this list (teamId null: the org's list); anything else is not_found. */
export async function jobOfList(orgId: string, teamId: string | null, jobId: string): Promise<TApplyJob> {
  const job = z.uuid().safeParse(jobId).success ? await getApplyJob(orgId, jobId) : null;
  if (!job || !job.ruleId) throw notFound("Job not found.");
  const rule = await db.automationRule.findFirst({ where: { id: job.ruleId, orgId, teamId }, select: { id: true } });
  if (!rule) throw notFound("Job not found.");
  return job;
}

/** Stops a queued or running job after its current batch; what it changed so far stays. */
export async function cancelJobOfList(orgId: string, teamId: string | null, jobId: string): Promise<TApplyJob> {
  await jobOfList(orgId, teamId, jobId);
  const job = await cancelApplyJob(orgId, jobId);
  if (!job) throw notFound("Job not found.");
  return job;
}

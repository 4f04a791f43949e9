import type { TAutomationTrigger } from "../engine/types";

// An apply-to-existing (or daily) job as callers see it, and how it is read from its row.

export const APPLY_JOB_STATUSES = ["queued", "running", "done", "failed", "cancelled"] as const;
export type TApplyJobStatus = (typeof APPLY_JOB_STATUSES)[number];
export type TApplyJobTrigger = Extract<TAutomationTrigger, "apply" | "schedule">;

export type TApplyJob = {
  id: string;
  orgId: string;
  /** The rule whose matches are re-run; null: every open finding of the org (the daily pass). */
  ruleId: string | null;
  trigger: TApplyJobTrigger;
  status: TApplyJobStatus;
  /** Findings to look at, counted when the job started (0 while queued). */
  total: number;
  processed: number;
  /** Findings a rule changed. */
  changed: number;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  requestedById: string | null;
};

/** Statuses after which a job never runs again. */
export const FINISHED_STATUSES: ReadonlySet<TApplyJobStatus> = new Set(["done", "failed", "cancelled"]);

/** The NOTIFY channel that wakes the worker's job loop (sent at commit by startApplyJob). */
export const AUTOMATION_JOBS_CHANNEL = "bumpers_automation_jobs";

export const JOB_COLUMNS = `j.id, j.org_id, j.rule_id, j.trigger::text AS trigger, j.status::text AS status, j.total,
  j.processed, j.changed, j.cursor, j.error, j.created_at, j.started_at, j.finished_at, j.requested_by_id`;

export type TJobRow = {
  id: string;
  org_id: string;
  rule_id: string | null;
  trigger: TApplyJobTrigger;
  status: TApplyJobStatus;
  total: number;
  processed: number;
  changed: number;
  cursor: string | null;
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  requested_by_id: string | null;
};

export function jobOf(row: TJobRow): TApplyJob {
  return {
    id: row.id,
    orgId: row.org_id,
    ruleId: row.rule_id,
    trigger: row.trigger,
    status: row.status,
    total: row.total,
    processed: row.processed,
    changed: row.changed,
    error: row.error,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    requestedById: row.requested_by_id,
  };
}

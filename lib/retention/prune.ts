import "server-only";
import { pool } from "@/lib/server/db";
import { env } from "@/lib/server/env";

// Retention: what grows without bound is pruned in small batches (short transactions, no long
// locks on tables that ingest writes to). Nothing that defines the current state is removed:
// the last processed report of each cluster and type (and anything newer), reports still queued,
// undelivered PagerDuty events, the "opened" event and every note of a finding.

export const PRUNE_JOB = "prune-retention";
const BATCH = 2000;

export type TRetention = {
  reportDays: number;
  findingEventDays: number;
  deliveryLogDays: number;
  admissionLogDays?: number;
  ciDays?: number;
};
export type TPruned = {
  reports: number;
  findingEvents: number;
  deliveryLog: number;
  admissionLog: number;
  ciScans: number;
  ciFindings: number;
  webhookDeliveries: number;
  ruleRuns: number;
  automationJobs: number;
};

export function retentionFromEnv(): TRetention {
  const e = env();
  return {
    reportDays: e.BUMPERS_RETENTION_REPORT_DAYS,
    findingEventDays: e.BUMPERS_RETENTION_FINDING_EVENT_DAYS,
    deliveryLogDays: e.BUMPERS_RETENTION_DELIVERY_LOG_DAYS,
    admissionLogDays: e.BUMPERS_RETENTION_ADMISSION_LOG_DAYS,
    ciDays: e.BUMPERS_RETENTION_CI_DAYS,
  };
}

/**
 * Deletes in batches until a batch comes back short; `statement` gets ($1 cutoff, $2 batch size,
 * $3 org id or null for every org).
 */
async function deleteInBatches(statement: string, cutoff: Date, orgId: string | null): Promise<number> {
  let total = 0;
  for (;;) {
    const { rowCount } = await pool.query(statement, [cutoff, BATCH, orgId]);
    total += rowCount ?? 0;
    if ((rowCount ?? 0) < BATCH) return total;
  }
}

/**
 * Webhook delivery ids are kept to refuse replays and provider retries, which come within hours;
 * not history, so they go after a fixed time whatever the retention settings.
 */
export const WEBHOOK_DELIVERY_DAYS = 30;

/**
 * Automation rules' run ledger and finished apply-to-existing / daily jobs: what a rule did lately,
 * not the findings' history (their events keep that), so a fixed 90 days.
 */
export const AUTOMATION_LEDGER_DAYS = 90;

const cutoffOf = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

/** One batch of `table`'s rows (by id) where `where` holds against the cutoff $1, in one org when $3 is set. */
const deleteWhere = (table: string, where: string) => `DELETE FROM ${table} WHERE id IN (
         SELECT id FROM ${table}
          WHERE ${where} AND ($3::uuid IS NULL OR org_id = $3)
          LIMIT $2)`;

// What is pruned, in this order: the retention that applies, and the statement deleting one batch
// ($1 cutoff, $2 batch size, $3 org id or null for every org).
const PRUNES: { counts: keyof TPruned; days: (r: TRetention) => number | undefined; statement: string }[] = [
  {
    counts: "reports",
    days: (r) => r.reportDays,
    statement: `DELETE FROM reports WHERE id IN (
         SELECT r.id FROM reports r
          WHERE r.received_at < $1 AND r.status <> 'received' AND ($3::uuid IS NULL OR r.org_id = $3)
            AND EXISTS (SELECT 1 FROM reports newer
                         WHERE newer.org_id = r.org_id AND newer.cluster_id = r.cluster_id AND newer.type = r.type
                           AND newer.status = 'processed' AND newer.received_at > r.received_at)
          LIMIT $2)`,
  },
  {
    counts: "findingEvents",
    days: (r) => r.findingEventDays,
    statement: deleteWhere("finding_events", "created_at < $1 AND kind NOT IN ('opened', 'commented')"),
  },
  {
    counts: "deliveryLog",
    days: (r) => r.deliveryLogDays,
    statement: deleteWhere("alert_events", "created_at < $1 AND status <> 'pending'"),
  },
  {
    counts: "admissionLog",
    days: (r) => r.admissionLogDays,
    statement: deleteWhere("admission_decisions", "created_at < $1"),
  },
  { counts: "ciScans", days: (r) => r.ciDays, statement: deleteWhere("ci_scans", "created_at < $1") },
  {
    // Fixed long ago, or open on a branch no scan has reported for the whole period (merged or abandoned).
    counts: "ciFindings",
    days: (r) => r.ciDays,
    statement: deleteWhere("ci_findings", "last_seen_at < $1"),
  },
  {
    counts: "ruleRuns",
    days: () => AUTOMATION_LEDGER_DAYS,
    statement: deleteWhere("automation_rule_runs", "started_at < $1"),
  },
  {
    // A job's ledger rows go with it (ON DELETE CASCADE); they are as old as it anyway.
    counts: "automationJobs",
    days: () => AUTOMATION_LEDGER_DAYS,
    statement: deleteWhere(
      "automation_jobs",
      "status IN ('done', 'failed', 'cancelled') AND coalesce(finished_at, created_at) < $1",
    ),
  },
  {
    counts: "webhookDeliveries",
    days: () => WEBHOOK_DELIVERY_DAYS,
    statement: `DELETE FROM ticket_webhook_deliveries WHERE (connection_id, delivery_id) IN (
         SELECT d.connection_id, d.delivery_id FROM ticket_webhook_deliveries d
          WHERE d.received_at < $1
            AND ($3::uuid IS NULL OR d.connection_id IN (SELECT id FROM notification_connections WHERE org_id = $3))
          LIMIT $2)`,
  },
];

/**
 * Prunes everything older than its retention (0 days = keep forever), in every org or in `orgId`
 * only. Returns the counts removed.
 */
export async function pruneRetention(
  retention: TRetention = retentionFromEnv(),
  options: { now?: Date; orgId?: string } = {},
): Promise<TPruned> {
  const now = options.now ?? new Date();
  const org = options.orgId ?? null;
  const pruned = Object.fromEntries(PRUNES.map((prune) => [prune.counts, 0])) as TPruned;
  for (const prune of PRUNES) {
    const days = prune.days(retention) ?? 0;
    if (days > 0) pruned[prune.counts] = await deleteInBatches(prune.statement, cutoffOf(now, days), org);
  }
  return pruned;
}

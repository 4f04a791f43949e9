import "server-only";
import { pool } from "@/lib/server/db";
import { inTransaction } from "@/lib/server/sql";
import { evaluateFindingAlerts, evaluateStaleClusterAlerts } from "./engine/evaluate";

export const STALE_CLUSTER_ALERTS_JOB = "alert-stale-clusters";

/**
 * For every org with stale-cluster rules or an open stale-cluster alert: raises alerts for
 * clusters past the org's threshold and resolves those that report again. One transaction per
 * org. Returns how many events were enqueued.
 */
export async function checkStaleClusters(now = new Date()): Promise<number> {
  const { rows } = await pool.query<{ org_id: string }>(
    `SELECT DISTINCT org_id FROM alert_rules WHERE kind = 'stale_cluster'
     UNION
     SELECT DISTINCT org_id FROM alert_groups WHERE kind = 'stale_cluster' AND status = 'open'`,
  );
  let events = 0;
  for (const { org_id: orgId } of rows) {
    events += (await inTransaction(pool, (client) => evaluateStaleClusterAlerts(client, orgId, now))).events;
  }
  return events;
}

/**
 * Findings whose snooze ran out (the snooze job opens them without a report) page again: their
 * checks are re-evaluated. Looks back `withinMs` (a few runs of the every-minute job, so a missed
 * run loses nothing; evaluating twice changes nothing).
 */
export async function alertOnExpiredSnoozes(now = new Date(), withinMs = 5 * 60_000): Promise<number> {
  const { rows } = await pool.query<{ org_id: string; ids: string[] }>(
    `SELECT org_id, array_agg(DISTINCT finding_id) AS ids FROM finding_events
      WHERE kind = 'unsnoozed' AND (data->>'expired')::boolean IS TRUE
        AND created_at > $1::timestamptz - $2 * interval '1 millisecond'
      GROUP BY org_id`,
    [now, withinMs],
  );
  let events = 0;
  for (const { org_id: orgId, ids } of rows) {
    events += (await inTransaction(pool, (client) => evaluateFindingAlerts(client, orgId, { findingIds: ids }))).events;
  }
  return events;
}

/**
 * A team scope edit (or a priority change, a new or deleted team) moves findings between teams in
 * the background (the worker's owner refresh), with no finding event. Orgs with such an edit in
 * the last `withinMs` are re-evaluated whole, so their alerts follow the findings to their new
 * team within a minute or two of the refresh; re-evaluating after that changes nothing.
 */
export async function alertAfterOwnershipChanges(now = new Date(), withinMs = 5 * 60_000): Promise<number> {
  const { rows } = await pool.query<{ org_id: string }>(
    // Per org through the audit log's (org, time) index: a short range scan each.
    `SELECT o.id AS org_id FROM organizations o
      WHERE EXISTS (
              SELECT 1 FROM audit_logs a
               WHERE a.org_id = o.id AND a.created_at > $1::timestamptz - $2 * interval '1 millisecond'
                 AND a.action IN ('team.scope_changed', 'team.updated', 'team.created', 'team.deleted'))`,
    [now, withinMs],
  );
  let events = 0;
  for (const { org_id: orgId } of rows) {
    events += (await inTransaction(pool, (client) => evaluateFindingAlerts(client, orgId))).events;
  }
  return events;
}

/** The worker's every-minute alert job: stale clusters, expired snoozes, ownership moves. */
export async function sweepAlerts(now = new Date()): Promise<number> {
  return (await checkStaleClusters(now)) + (await alertOnExpiredSnoozes(now)) + (await alertAfterOwnershipChanges(now));
}

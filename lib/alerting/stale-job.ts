import "server-only";
import type { PoolClient } from "pg";
import { pool } from "@/lib/server/db";
import { evaluateFindingAlerts, evaluateStaleClusterAlerts } from "./engine/evaluate";

export const STALE_CLUSTER_ALERTS_JOB = "alert-stale-clusters";

async function inTransaction<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

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
    events += (await inTransaction((client) => evaluateStaleClusterAlerts(client, orgId, now))).events;
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
    events += (await inTransaction((client) => evaluateFindingAlerts(client, orgId, { findingIds: ids }))).events;
  }
  return events;
}

/** The worker's every-minute alert job: stale clusters, then expired snoozes. */
export async function sweepAlerts(now = new Date()): Promise<number> {
  return (await checkStaleClusters(now)) + (await alertOnExpiredSnoozes(now));
}

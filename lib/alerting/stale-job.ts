import "server-only";
import { pool } from "@/lib/server/db";
import { evaluateStaleClusterAlerts } from "./engine/evaluate";

export const STALE_CLUSTER_ALERTS_JOB = "alert-stale-clusters";

/**
 * The recurring job: for every org with stale-cluster rules or an open stale-cluster alert,
 * raises alerts for clusters past the org's threshold and resolves those that report again.
 * One transaction per org. Returns how many events were enqueued.
 */
export async function checkStaleClusters(now = new Date()): Promise<number> {
  const { rows } = await pool.query<{ org_id: string }>(
    `SELECT DISTINCT org_id FROM alert_rules WHERE kind = 'stale_cluster'
     UNION
     SELECT DISTINCT org_id FROM alert_groups WHERE kind = 'stale_cluster' AND status = 'open'`,
  );
  let events = 0;
  for (const { org_id: orgId } of rows) {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      events += (await evaluateStaleClusterAlerts(client, orgId, now)).events;
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }
  return events;
}

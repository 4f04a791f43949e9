import "server-only";
import type { PoolClient } from "pg";
import { SUMMED_COLUMNS as SUMS } from "./write-rows";

/**
 * Rebuilds cost_rollup_daily and cost_label_daily for some days of one cluster from cost_daily.
 * Rebuilding (delete + insert … group by) instead of adding keeps them exact whatever changed:
 * replaced days, reconciliation, new owners.
 */
export async function rebuildCostRollups(
  client: PoolClient,
  orgId: string,
  clusterId: string,
  days: readonly string[],
): Promise<void> {
  if (days.length === 0) return;
  const params = [orgId, clusterId, days];
  const where = `org_id = $1 AND cluster_id = $2 AND day = ANY($3::date[])`;
  await client.query(`DELETE FROM cost_rollup_daily WHERE ${where}`, params);
  await client.query(
    `INSERT INTO cost_rollup_daily (org_id, cluster_id, day, owner_team_id, namespace, allocation, source, ${SUMS.join(", ")})
     SELECT org_id, cluster_id, day, owner_team_id, namespace, allocation, source, ${SUMS.map((s) => `sum(${s})`).join(", ")}
       FROM cost_daily WHERE ${where}
      GROUP BY org_id, cluster_id, day, owner_team_id, namespace, allocation, source`,
    params,
  );
  await client.query(`DELETE FROM cost_label_daily WHERE ${where}`, params);
  await client.query(
    `INSERT INTO cost_label_daily (org_id, cluster_id, day, owner_team_id, label_key, label_value, total_cost, used_cost, requested_cost)
     SELECT c.org_id, c.cluster_id, c.day, c.owner_team_id, kv.key, kv.value,
            sum(c.total_cost), sum(c.used_cost), sum(c.requested_cost)
       FROM cost_daily c CROSS JOIN LATERAL jsonb_each_text(c.labels) kv
      WHERE c.org_id = $1 AND c.cluster_id = $2 AND c.day = ANY($3::date[]) AND c.allocation = 'workload'
      GROUP BY c.org_id, c.cluster_id, c.day, c.owner_team_id, kv.key, kv.value`,
    params,
  );
}

/**
 * Re-stamps the owning team of an org's cost rows from the resources' current owners (after a
 * scope edit) and rebuilds the rollups of the days that changed. Returns the rows changed.
 */
export async function refreshCostOwners(client: PoolClient, orgId: string): Promise<number> {
  const changed = await client.query<{ cluster_id: string; day: string }>(
    `UPDATE cost_daily c SET owner_team_id = r.owner_team_id
       FROM resources r
      WHERE c.org_id = $1 AND r.id = c.resource_id AND r.org_id = $1
        AND c.owner_team_id IS DISTINCT FROM r.owner_team_id
     RETURNING c.cluster_id, to_char(c.day, 'YYYY-MM-DD') AS day`,
    [orgId],
  );
  const byCluster = new Map<string, Set<string>>();
  for (const r of changed.rows) {
    const days = byCluster.get(r.cluster_id) ?? new Set<string>();
    days.add(r.day);
    byCluster.set(r.cluster_id, days);
  }
  for (const [clusterId, days] of byCluster) await rebuildCostRollups(client, orgId, clusterId, [...days]);
  return changed.rowCount ?? 0;
}

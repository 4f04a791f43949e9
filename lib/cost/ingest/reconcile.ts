import "server-only";
import type { PoolClient } from "pg";

const MONEY = ["cpu_cost", "memory_cost", "gpu_cost", "storage_cost", "network_cost", "shared_cost"];

/**
 * Scales the in-cluster rows of each given day of a cluster to what the cloud bill says the
 * cluster cost that day ("reconciled": source becomes `cloud`), when the bill covers the whole
 * day (24 hourly intervals, or a daily row) and is positive. The factor is bill ÷ in-cluster
 * total, applied to every row of the day, idle included, so the rows still add up, now to the
 * bill. in_cluster_cost keeps the figure before scaling. Returns the days reconciled.
 */
export async function reconcileCostDays(
  client: PoolClient,
  orgId: string,
  clusterId: string,
  days: readonly string[],
): Promise<number> {
  if (days.length === 0) return 0;
  const scale = `(CASE WHEN c.total_cost = 0 THEN 0 ELSE c.in_cluster_cost * f.factor / c.total_cost END)`;
  const { rows } = await client.query<{ day: string }>(
    `WITH bill AS (
       SELECT day, sum(cost) AS billed, max(hours) AS hours FROM cloud_cost_daily
        WHERE org_id = $1 AND cluster_id = $2 AND day = ANY($3::date[]) GROUP BY day
     ), inc AS (
       SELECT day, sum(in_cluster_cost) AS total FROM cost_daily
        WHERE org_id = $1 AND cluster_id = $2 AND day = ANY($3::date[]) GROUP BY day
     ), f AS (
       SELECT inc.day, bill.billed / inc.total AS factor FROM inc JOIN bill ON bill.day = inc.day
        WHERE bill.hours >= 24 AND bill.billed > 0 AND inc.total > 0
     )
     UPDATE cost_daily c SET ${MONEY.map((m) => `${m} = c.${m} * ${scale}`).join(", ")},
            total_cost = c.in_cluster_cost * f.factor, source = 'cloud', updated_at = now()
       FROM f
      WHERE c.org_id = $1 AND c.cluster_id = $2 AND c.day = f.day
     RETURNING to_char(c.day, 'YYYY-MM-DD') AS day`,
    [orgId, clusterId, days],
  );
  return new Set(rows.map((r) => r.day)).size;
}

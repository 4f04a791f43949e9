import "server-only";
import type { PoolClient } from "pg";

/**
 * Brings the owning team of findings in line with their resources: a workload's findings belong
 * to the workload's team; an image's findings to the highest-priority team running the image
 * in that cluster (the vulnerability pages show every team running it). Two set-based UPDATEs;
 * `clusterId` null covers the whole org (after a scope edit).
 */
export async function refreshFindingOwners(
  client: PoolClient,
  orgId: string,
  clusterId: string | null,
): Promise<{ changed: number }> {
  const resourceOwned = await client.query(
    `UPDATE findings f SET owner_team_id = r.owner_team_id, updated_at = now()
       FROM resources r
      WHERE f.resource_id = r.id AND f.org_id = $1 AND ($2::uuid IS NULL OR f.cluster_id = $2)
        AND f.owner_team_id IS DISTINCT FROM r.owner_team_id`,
    [orgId, clusterId],
  );
  const imageOwned = await client.query(
    `UPDATE findings f SET owner_team_id = o.team_id, updated_at = now()
       FROM (
         SELECT i.cluster_id, i.image_id, (
                  SELECT r.owner_team_id
                    FROM image_workloads iw
                    JOIN resources r ON r.id = iw.resource_id
                    LEFT JOIN teams t ON t.id = r.owner_team_id
                   WHERE iw.cluster_id = i.cluster_id AND iw.image_id = i.image_id AND r.removed_at IS NULL
                   ORDER BY r.owner_team_id IS NULL, t.priority, t.name
                   LIMIT 1
                ) AS team_id
           FROM (SELECT DISTINCT cluster_id, image_id FROM findings
                  WHERE org_id = $1 AND image_id IS NOT NULL AND ($2::uuid IS NULL OR cluster_id = $2)) i
       ) o
      WHERE f.org_id = $1 AND f.cluster_id = o.cluster_id AND f.image_id = o.image_id
        AND f.owner_team_id IS DISTINCT FROM o.team_id`,
    [orgId, clusterId],
  );
  return { changed: (resourceOwned.rowCount ?? 0) + (imageOwned.rowCount ?? 0) };
}

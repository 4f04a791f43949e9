import "server-only";
import type { PoolClient } from "pg";

/**
 * The owning team of each image per cluster ($1: org, $2: cluster, or null for all of them),
 * computed once per image (not per finding): the highest-priority team running it. Ingest uses
 * it too, so that new image findings are written with their owner instead of updated afterwards.
 */
export const IMAGE_OWNERS_SQL = `SELECT DISTINCT ON (iw.cluster_id, iw.image_id) iw.cluster_id, iw.image_id, r.owner_team_id AS team_id
                    FROM image_workloads iw
                    JOIN resources r ON r.id = iw.resource_id AND r.removed_at IS NULL
                    LEFT JOIN teams t ON t.id = r.owner_team_id
                   WHERE iw.org_id = $1 AND ($2::uuid IS NULL OR iw.cluster_id = $2)
                   ORDER BY iw.cluster_id, iw.image_id, r.owner_team_id IS NULL, t.priority, t.name`;

/**
 * The owner the resource or image gives one finding `f` (what refreshFindingOwners sets): its
 * workload's team, or for an image finding the highest-priority team running the image in that
 * cluster (the order of IMAGE_OWNERS_SQL). The automation engine reverts a rule's move with it.
 */
export function findingOwnerSql(f = "f"): string {
  return `(CASE WHEN ${f}.image_id IS NULL
             THEN (SELECT r.owner_team_id FROM resources r WHERE r.id = ${f}.resource_id)
           ELSE (SELECT r.owner_team_id
                   FROM image_workloads iw
                   JOIN resources r ON r.id = iw.resource_id AND r.removed_at IS NULL
                   LEFT JOIN teams t ON t.id = r.owner_team_id
                  WHERE iw.cluster_id = ${f}.cluster_id AND iw.image_id = ${f}.image_id
                  ORDER BY r.owner_team_id IS NULL, t.priority, t.name
                  LIMIT 1) END)`;
}

/**
 * True when an automation rule gave finding `f` to its team (rule_marks.team is a rule id, not
 * 'manual' nor 'done:…'; lib/automation/marks.ts): that owner stays until the rule lets go, so
 * ownership refreshes skip the row. Written out here so ingest does not depend on automation.
 */
export function ruleGaveTeamSql(f = "f"): string {
  const mark = `(${f}.rule_marks->>'team')`;
  return `(${mark} IS NOT NULL AND ${mark} <> 'manual' AND ${mark} NOT LIKE 'done:%')`;
}

/**
 * Brings the owning team of findings in line with their resources: a workload's findings belong
 * to the workload's team; an image's findings to the highest-priority team running the image
 * in that cluster (the vulnerability pages show every team running it). Set-based UPDATEs;
 * `clusterId` null covers the whole org (after a scope edit). A finding a rule gave to a team
 * keeps it (ruleGaveTeamSql).
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
        AND f.owner_team_id IS DISTINCT FROM r.owner_team_id AND NOT ${ruleGaveTeamSql("f")}`,
    [orgId, clusterId],
  );
  const owners = IMAGE_OWNERS_SQL;
  const imageOwned = await client.query(
    `WITH owners AS (${owners})
     UPDATE findings f SET owner_team_id = o.team_id, updated_at = now()
       FROM owners o
      WHERE f.org_id = $1 AND f.cluster_id = o.cluster_id AND f.image_id = o.image_id
        AND f.owner_team_id IS DISTINCT FROM o.team_id AND NOT ${ruleGaveTeamSql("f")}`,
    [orgId, clusterId],
  );
  // An image no workload runs any more has no owner left.
  const orphaned = await client.query(
    `WITH owners AS (${owners})
     UPDATE findings f SET owner_team_id = NULL, updated_at = now()
      WHERE f.org_id = $1 AND ($2::uuid IS NULL OR f.cluster_id = $2)
        AND f.image_id IS NOT NULL AND f.owner_team_id IS NOT NULL AND NOT ${ruleGaveTeamSql("f")}
        AND NOT EXISTS (SELECT 1 FROM owners o
                         WHERE o.cluster_id = f.cluster_id AND o.image_id = f.image_id AND o.team_id IS NOT NULL)`,
    [orgId, clusterId],
  );
  return { changed: (resourceOwned.rowCount ?? 0) + (imageOwned.rowCount ?? 0) + (orphaned.rowCount ?? 0) };
}

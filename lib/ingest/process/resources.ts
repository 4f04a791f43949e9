import "server-only";
import type { PoolClient } from "pg";
import { ownerChanges, type TOwnedResource, type TOwnershipTeam } from "@/lib/teams/owner-changes";

export type TResourceKey = { kind: string; namespace: string; name: string };

export function resourceKey(r: TResourceKey): string {
  return `${r.kind}\u0000${r.namespace}\u0000${r.name}`;
}

/**
 * Makes sure every referenced object has a resources row (a finding may name a workload before
 * the inventory does) and returns the ids by kind/namespace/name. New rows get their owning team.
 */
export async function ensureResources(
  client: PoolClient,
  orgId: string,
  clusterId: string,
  refs: readonly TResourceKey[],
): Promise<Map<string, string>> {
  const unique = new Map<string, TResourceKey>();
  for (const r of refs) unique.set(resourceKey(r), r);
  const list = [...unique.values()];
  const ids = new Map<string, string>();
  if (list.length === 0) return ids;
  const kinds = list.map((r) => r.kind);
  const namespaces = list.map((r) => r.namespace);
  const names = list.map((r) => r.name);
  const inserted = await client.query<{ id: string }>(
    `INSERT INTO resources (org_id, cluster_id, kind, namespace, name)
     SELECT $1, $2, k, ns, n FROM unnest($3::text[], $4::text[], $5::text[]) AS u(k, ns, n)
     ON CONFLICT (org_id, cluster_id, kind, namespace, name) DO NOTHING
     RETURNING id`,
    [orgId, clusterId, kinds, namespaces, names],
  );
  if (inserted.rows.length > 0) await assignClusterOwners(client, orgId, clusterId);
  const { rows } = await client.query<TResourceKey & { id: string }>(
    `SELECT r.id, r.kind, r.namespace, r.name
       FROM resources r
       JOIN unnest($3::text[], $4::text[], $5::text[]) AS u(k, ns, n)
         ON r.kind = u.k AND r.namespace = u.ns AND r.name = u.n
      WHERE r.org_id = $1 AND r.cluster_id = $2`,
    [orgId, clusterId, kinds, namespaces, names],
  );
  for (const r of rows) ids.set(resourceKey(r), r.id);
  return ids;
}

/**
 * Recomputes the owning team of the resources of one cluster from the team scopes (the same rule
 * as a scope edit, lib/teams/owner-changes.ts) and writes only the ones that changed.
 */
export async function assignClusterOwners(
  client: PoolClient,
  orgId: string,
  clusterId: string,
): Promise<{ changed: number }> {
  // One client runs one query at a time: these are sequential on purpose.
  const teams = await client.query<TOwnershipTeam>(
    `SELECT id, name, priority, scope_rules AS "scopeRules" FROM teams WHERE org_id = $1`,
    [orgId],
  );
  const cluster = await client.query<{ slug: string }>(`SELECT slug FROM clusters WHERE id = $1 AND org_id = $2`, [
    clusterId,
    orgId,
  ]);
  const resources = await client.query<TOwnedResource>(
    `SELECT id, cluster_id AS "clusterId", namespace, kind, name, labels, owner_team_id AS "ownerTeamId",
            removed_at AS "removedAt"
       FROM resources WHERE org_id = $1 AND cluster_id = $2`,
    [orgId, clusterId],
  );
  const slugs = new Map([[clusterId, cluster.rows[0]?.slug ?? ""]]);
  const { ids, owners } = ownerChanges(teams.rows, slugs, resources.rows);
  if (ids.length > 0) {
    await client.query(
      `UPDATE resources AS r SET owner_team_id = u.owner
         FROM unnest($2::uuid[], $3::uuid[]) AS u(id, owner)
        WHERE r.id = u.id AND r.org_id = $1`,
      [orgId, ids, owners],
    );
  }
  return { changed: ids.length };
}

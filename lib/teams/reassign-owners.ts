import "server-only";
import type { Tx } from "@/lib/server/db";
import { ownerChanges } from "./owner-changes";

/**
 * Recomputes the owning team of every known resource of an org after a scope or team change.
 * One read and one set-based UPDATE, whatever the number of resources. Findings follow their
 * resources in the background (lib/ingest/process/finding-owners.ts), flagged by
 * organizations.finding_owners_stale_since.
 */
export async function reassignResourceOwners(tx: Tx, orgId: string): Promise<{ changed: number }> {
  const [teams, resources, clusters] = await Promise.all([
    tx.team.findMany({ where: { orgId }, select: { id: true, name: true, priority: true, scopeRules: true } }),
    tx.resource.findMany({
      where: { orgId },
      select: {
        id: true,
        clusterId: true,
        namespace: true,
        kind: true,
        name: true,
        labels: true,
        ownerTeamId: true,
        removedAt: true,
      },
    }),
    tx.cluster.findMany({ where: { orgId }, select: { id: true, slug: true } }),
  ]);
  const { ids, owners } = ownerChanges(teams, new Map(clusters.map((c) => [c.id, c.slug])), resources);
  if (ids.length) {
    await tx.$executeRaw`
      UPDATE resources AS r SET owner_team_id = u.owner
      FROM unnest(${ids}::uuid[], ${owners}::uuid[]) AS u(id, owner)
      WHERE r.id = u.id AND r.org_id = ${orgId}::uuid`;
    // Findings (up to millions) follow in the background; the flag is what the UI shows meanwhile.
    await tx.$executeRaw`UPDATE organizations SET finding_owners_stale_since = now() WHERE id = ${orgId}::uuid`;
  }
  return { changed: ids.length };
}

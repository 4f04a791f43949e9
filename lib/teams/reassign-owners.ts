import "server-only";
import type { Tx } from "@/lib/server/db";
import { ZScopeRules } from "./schemas";
import { ownerResolver, type TScopedResource } from "./scope";

/**
 * Recomputes the owning team of every known resource of an org after a scope or team change.
 * One read and one set-based UPDATE, whatever the number of resources.
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
  const resolve = ownerResolver(
    teams.map((t) => ({ id: t.id, name: t.name, priority: t.priority, rules: ZScopeRules.parse(t.scopeRules) })),
  );
  const clusterSlug = new Map(clusters.map((c) => [c.id, c.slug]));
  const namespaceLabels = new Map(
    resources
      // A namespace gone from the inventory no longer lends its labels to workloads.
      .filter((r) => r.kind === "Namespace" && r.removedAt === null)
      .map((r) => [`${r.clusterId}/${r.name}`, r.labels as Record<string, string>]),
  );
  const ids: string[] = [];
  const owners: (string | null)[] = [];
  for (const r of resources) {
    const scoped: TScopedResource = {
      cluster: clusterSlug.get(r.clusterId) ?? "",
      namespace: r.namespace,
      kind: r.kind,
      name: r.name,
      // Workload labels win over the labels of their namespace.
      labels: { ...namespaceLabels.get(`${r.clusterId}/${r.namespace}`), ...(r.labels as Record<string, string>) },
    };
    const owner = resolve(scoped);
    if (owner !== r.ownerTeamId) {
      ids.push(r.id);
      owners.push(owner);
    }
  }
  if (ids.length) {
    await tx.$executeRaw`
      UPDATE resources AS r SET owner_team_id = u.owner
      FROM unnest(${ids}::uuid[], ${owners}::uuid[]) AS u(id, owner)
      WHERE r.id = u.id AND r.org_id = ${orgId}::uuid`;
  }
  return { changed: ids.length };
}

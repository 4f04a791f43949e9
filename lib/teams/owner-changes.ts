import { ZScopeRules } from "@/lib/domain/scope-rules";
import { ownerResolver, type TScopedResource } from "@/lib/domain/team-scope";

export type TOwnershipTeam = { id: string; name: string; priority: number; scopeRules: unknown };

export type TOwnedResource = {
  id: string;
  clusterId: string;
  namespace: string;
  kind: string;
  name: string;
  labels: unknown;
  ownerTeamId: string | null;
  removedAt: Date | null;
};

/**
 * Which resources change owner under the current team scopes: the ids and their new owning team.
 * Pure, so the Prisma path (scope edits) and the raw-SQL path (report processing) share it.
 */
export function ownerChanges(
  teams: readonly TOwnershipTeam[],
  clusterSlugs: ReadonlyMap<string, string>,
  resources: readonly TOwnedResource[],
): { ids: string[]; owners: (string | null)[] } {
  const resolve = ownerResolver(
    teams.map((t) => ({ id: t.id, name: t.name, priority: t.priority, rules: ZScopeRules.parse(t.scopeRules) })),
  );
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
      cluster: clusterSlugs.get(r.clusterId) ?? "",
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
  return { ids, owners };
}

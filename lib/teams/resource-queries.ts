import "server-only";
import { WORKLOAD_KINDS } from "@/lib/resources/kinds";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { groupByClusterAndNamespace, NAMESPACE_KIND, type TClusterGroup, type TResourceRef } from "./resource-groups";
import { ZScopeRules, type TScopeRule } from "@/lib/domain/scope-rules";
import { computeScopePreview, type TPreviewResource, type TScopePreview } from "./scope-preview";

export const OWNED_WORKLOADS_LIMIT = 500;

export type TResourceListing = {
  namespaces: number;
  workloads: number;
  groups: TClusterGroup<TResourceRef>[];
  /** Workloads listed in `groups`; the listing stops at a limit, the counts do not. */
  shownWorkloads: number;
};

const asLabels = (value: Prisma.JsonValue): Record<string, string> =>
  value && typeof value === "object" && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"))
    : {};

/** Live namespaces and workloads matching `where`, grouped by cluster and namespace. */
async function listResources(
  orgId: string,
  where: Prisma.ResourceWhereInput,
  limit: number,
): Promise<TResourceListing> {
  const live = { orgId, removedAt: null, ...where };
  const select = { namespace: true, kind: true, name: true, cluster: { select: { slug: true } } } as const;
  const orderBy = [{ cluster: { slug: "asc" } }, { namespace: "asc" }, { kind: "asc" }, { name: "asc" }] as const;
  const [namespaces, workloads, workloadCount] = await Promise.all([
    db.resource.findMany({ where: { ...live, kind: NAMESPACE_KIND }, select, orderBy: [...orderBy] }),
    db.resource.findMany({
      where: { ...live, kind: { in: [...WORKLOAD_KINDS] } },
      select,
      orderBy: [...orderBy],
      take: limit,
    }),
    db.resource.count({ where: { ...live, kind: { in: [...WORKLOAD_KINDS] } } }),
  ]);
  const refs = [...namespaces, ...workloads].map((r) => ({
    cluster: r.cluster.slug,
    namespace: r.namespace,
    kind: r.kind,
    name: r.name,
  }));
  return {
    namespaces: namespaces.length,
    workloads: workloadCount,
    groups: groupByClusterAndNamespace(refs),
    shownWorkloads: workloads.length,
  };
}

/** What a team owns today, per cluster and namespace. */
export function listOwnedResources(orgId: string, teamId: string, limit = OWNED_WORKLOADS_LIMIT) {
  return listResources(orgId, { ownerTeamId: teamId }, limit);
}

/** What no team owns: org admins see it to write the scope rules that are missing. */
export function listUnassignedResources(orgId: string, limit = OWNED_WORKLOADS_LIMIT) {
  return listResources(orgId, { ownerTeamId: null }, limit);
}

/**
 * What the team would own with `draftRules` instead of its saved rules, given every other team's
 * saved rules and priority. Reads only: nothing is saved and no owner changes.
 */
export async function previewTeamScope(
  orgId: string,
  teamId: string,
  draftRules: readonly TScopeRule[],
): Promise<TScopePreview> {
  const [teams, resources] = await Promise.all([
    db.team.findMany({
      where: { orgId },
      select: { id: true, slug: true, name: true, priority: true, scopeRules: true },
    }),
    db.resource.findMany({
      where: { orgId, removedAt: null },
      select: { namespace: true, kind: true, name: true, labels: true, cluster: { select: { slug: true } } },
    }),
  ]);
  if (!teams.some((t) => t.id === teamId)) throw new AppError("not_found", "Team not found.");
  return computeScopePreview({
    teamId,
    draftRules,
    teams: teams.map((t) => {
      const rules = ZScopeRules.safeParse(t.scopeRules);
      return { id: t.id, slug: t.slug, name: t.name, priority: t.priority, rules: rules.success ? rules.data : [] };
    }),
    resources: resources.map((r): TPreviewResource => ({
      cluster: r.cluster.slug,
      namespace: r.namespace,
      kind: r.kind,
      name: r.name,
      labels: asLabels(r.labels),
    })),
  });
}

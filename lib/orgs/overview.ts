import "server-only";
import { WORKLOAD_KINDS } from "@/lib/resources/kinds";
import { db } from "@/lib/server/db";

/** Counts, ownership and clusters for the org overview, all from the inventory. */
export async function getOrgOverview(orgId: string, visibleTeamIds: readonly string[] | "all") {
  const workloadWhere = { orgId, removedAt: null, kind: { in: [...WORKLOAD_KINDS] } };
  const [members, teams, clusters, byOwner, byCluster] = await Promise.all([
    db.membership.count({ where: { orgId } }),
    db.team.findMany({
      where: { orgId },
      select: { id: true, slug: true, name: true },
      orderBy: [{ priority: "asc" }, { name: "asc" }],
    }),
    db.cluster.findMany({
      where: { orgId },
      orderBy: { name: "asc" },
      select: { id: true, slug: true, name: true, kubernetesVersion: true },
    }),
    db.resource.groupBy({ by: ["ownerTeamId"], where: workloadWhere, _count: { _all: true } }),
    db.resource.groupBy({ by: ["clusterId"], where: workloadWhere, _count: { _all: true } }),
  ]);
  const ownedCount = new Map(byOwner.map((row) => [row.ownerTeamId, row._count._all]));
  const clusterCount = new Map(byCluster.map((row) => [row.clusterId, row._count._all]));
  const workloads = byOwner.reduce((sum, row) => sum + row._count._all, 0);
  return {
    members,
    teamCount: teams.length,
    workloads,
    ownership: teams
      .filter((t) => visibleTeamIds === "all" || visibleTeamIds.includes(t.id))
      .map((t) => ({ slug: t.slug, name: t.name, workloads: ownedCount.get(t.id) ?? 0 })),
    unassignedWorkloads: ownedCount.get(null) ?? 0,
    clusters: clusters.map((c) => ({ ...c, workloads: clusterCount.get(c.id) ?? 0 })),
  };
}

export type TOrgOverview = Awaited<ReturnType<typeof getOrgOverview>>;

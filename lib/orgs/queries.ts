import "server-only";
import { db } from "@/lib/server/db";

export async function listUserOrganizations(userId: string) {
  const memberships = await db.membership.findMany({
    where: { userId },
    select: { role: true, org: { select: { id: true, slug: true, name: true } } },
    orderBy: { org: { name: "asc" } },
  });
  return memberships.map((m) => ({ ...m.org, role: m.role }));
}

/** Counts for the org overview. */
export async function getOrgSummary(orgId: string) {
  const [members, teams, clusters, resources, unassigned] = await Promise.all([
    db.membership.count({ where: { orgId } }),
    db.team.count({ where: { orgId } }),
    db.cluster.count({ where: { orgId } }),
    db.resource.count({ where: { orgId, removedAt: null, kind: { not: "Namespace" } } }),
    db.resource.count({ where: { orgId, removedAt: null, kind: { not: "Namespace" }, ownerTeamId: null } }),
  ]);
  return { members, teams, clusters, workloads: resources, unassignedWorkloads: unassigned };
}

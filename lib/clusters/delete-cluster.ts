import "server-only";
import { db } from "@/lib/server/db";
import { assertConfirmedBySlug, notFound } from "@/lib/server/errors";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { isRowId } from "@/lib/tokens/schemas";

/**
 * Deletes a cluster; its tokens and known resources go with it (foreign-key cascades). The
 * caller must repeat the slug, the same confirmation the page asks for.
 */
export async function deleteCluster(
  orgId: string,
  actor: TAuditEntry["actor"],
  input: { clusterId: string; confirmSlug: string },
) {
  if (!isRowId(input.clusterId)) throw notFound("Cluster not found.");
  return db.$transaction(async (tx) => {
    const cluster = await tx.cluster.findFirst({
      where: { id: input.clusterId, orgId },
      select: {
        id: true,
        slug: true,
        name: true,
        kubernetesVersion: true,
        _count: { select: { resources: { where: { removedAt: null } }, tokens: { where: { revokedAt: null } } } },
      },
    });
    if (!cluster) throw notFound("Cluster not found.");
    assertConfirmedBySlug(input.confirmSlug, cluster.slug);
    await tx.cluster.delete({ where: { id: cluster.id } });
    await recordAudit(tx, {
      orgId,
      actor,
      action: "cluster.deleted",
      target: { type: "cluster", id: cluster.id, label: cluster.slug },
      before: {
        name: cluster.name,
        slug: cluster.slug,
        kubernetesVersion: cluster.kubernetesVersion,
        resources: cluster._count.resources,
        activeTokens: cluster._count.tokens,
      },
    });
    return { id: cluster.id, slug: cluster.slug };
  });
}

import "server-only";
import { workloadKindCondition } from "@/lib/resources/kinds";
import { db, pool } from "@/lib/server/db";

export type TClusterSummary = {
  id: string;
  slug: string;
  name: string;
  /** Null until the agent's first report says which version runs. */
  kubernetesVersion: string | null;
  createdAt: Date;
  /** Workloads and namespaces currently known from the agent's inventory. */
  workloads: number;
  namespaces: number;
  /** The active agent token; null after it was revoked without a rotation. */
  agentToken: { id: string; hint: string; createdAt: Date; lastUsedAt: Date | null } | null;
};

async function inventoryCounts(orgId: string, clusterIds: string[]) {
  if (!clusterIds.length) return new Map<string, { workloads: number; namespaces: number }>();
  const { rows } = await pool.query<{ cluster_id: string; workloads: number; namespaces: number }>(
    `SELECT cluster_id,
            count(*) FILTER (WHERE ${workloadKindCondition("resources")})::int AS workloads,
            count(DISTINCT namespace) FILTER (WHERE ${workloadKindCondition("resources")})::int AS namespaces
       FROM resources
      WHERE org_id = $1 AND cluster_id = ANY($2::uuid[]) AND removed_at IS NULL
      GROUP BY cluster_id`,
    [orgId, clusterIds],
  );
  return new Map(rows.map((r) => [r.cluster_id, { workloads: r.workloads, namespaces: r.namespaces }]));
}

/**
 * Clusters ordered by slug (unique per org, so it doubles as the keyset). Without `limit`, all of
 * them; with it, one page and whether more follow `afterSlug`.
 */
export async function listClusters(
  orgId: string,
  page: { limit?: number; afterSlug?: string } = {},
): Promise<{ clusters: TClusterSummary[]; hasMore: boolean }> {
  const rows = await db.cluster.findMany({
    where: { orgId, ...(page.afterSlug !== undefined ? { slug: { gt: page.afterSlug } } : {}) },
    orderBy: { slug: "asc" },
    ...(page.limit ? { take: page.limit + 1 } : {}),
    select: {
      id: true,
      slug: true,
      name: true,
      kubernetesVersion: true,
      createdAt: true,
      tokens: {
        where: { kind: "cluster", revokedAt: null },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { id: true, hint: true, createdAt: true, lastUsedAt: true },
      },
    },
  });
  const hasMore = page.limit !== undefined && rows.length > page.limit;
  const visible = hasMore ? rows.slice(0, page.limit) : rows;
  const counts = await inventoryCounts(
    orgId,
    visible.map((c) => c.id),
  );
  return {
    hasMore,
    clusters: visible.map(({ tokens, ...c }) => ({
      ...c,
      workloads: counts.get(c.id)?.workloads ?? 0,
      namespaces: counts.get(c.id)?.namespaces ?? 0,
      agentToken: tokens[0] ?? null,
    })),
  };
}

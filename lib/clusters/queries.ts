import "server-only";
import { workloadKindCondition } from "@/lib/resources/kinds";
import { pool } from "@/lib/server/db";
import { keyset, param } from "@/lib/server/sql";

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

type TClusterRaw = Omit<TClusterSummary, "workloads" | "namespaces" | "agentToken"> & {
  token_id: string | null;
  token_hint: string;
  token_created_at: Date;
  token_last_used_at: Date | null;
};

// By slug, unique per org, so the slug alone is the key.
const CLUSTER_KEY = keyset<TClusterRaw>([{ expr: "c.slug", dir: "asc", cast: "text", of: (c) => c.slug }]);

/**
 * Clusters ordered by slug. Without `limit`, all of them; with it, one page (`hasMore` and
 * `nextCursor` say whether and where it goes on). A cursor that is not ours is a bad_request.
 */
export async function listClusters(
  orgId: string,
  page: { limit?: number; cursor?: string } = {},
): Promise<{ clusters: TClusterSummary[]; hasMore: boolean; nextCursor: string | null }> {
  const cursor = CLUSTER_KEY.read(page.cursor);
  const params: unknown[] = [];
  const where = [`c.org_id = ${param(params, orgId, "uuid")}`];
  if (cursor) where.push(CLUSTER_KEY.where(cursor, params));
  // The active agent token: the newest cluster token not revoked.
  const { rows } = await pool.query<TClusterRaw>(
    `SELECT c.id, c.slug, c.name, c.kubernetes_version AS "kubernetesVersion", c.created_at AS "createdAt",
            k.id AS token_id, k.hint AS token_hint, k.created_at AS token_created_at,
            k.last_used_at AS token_last_used_at
       FROM clusters c
       LEFT JOIN LATERAL (
              SELECT t.id, t.hint, t.created_at, t.last_used_at
                FROM api_tokens t
               WHERE t.cluster_id = c.id AND t.org_id = c.org_id AND t.kind = 'cluster' AND t.revoked_at IS NULL
               ORDER BY t.created_at DESC
               LIMIT 1) k ON true
      WHERE ${where.join(" AND ")}
      ORDER BY ${CLUSTER_KEY.orderBy(cursor)}
      ${page.limit ? `LIMIT ${param(params, page.limit + 1)}` : ""}`,
    params,
  );
  const { data, next } = page.limit ? CLUSTER_KEY.page(rows, page.limit, cursor) : { data: rows, next: null };
  const counts = await inventoryCounts(
    orgId,
    data.map((c) => c.id),
  );
  return {
    hasMore: next !== null,
    nextCursor: next,
    clusters: data.map(({ token_id, token_hint, token_created_at, token_last_used_at, ...c }) => ({
      ...c,
      workloads: counts.get(c.id)?.workloads ?? 0,
      namespaces: counts.get(c.id)?.namespaces ?? 0,
      agentToken: token_id
        ? { id: token_id, hint: token_hint, createdAt: token_created_at, lastUsedAt: token_last_used_at }
        : null,
    })),
  };
}

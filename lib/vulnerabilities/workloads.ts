import "server-only";
import type { TFindingScope } from "@/lib/auth/visibility-scope";
import { pool } from "@/lib/server/db";
import { visibleWorkload } from "./visible-findings";

export type TWorkloadRef = {
  cluster: { slug: string; name: string };
  namespace: string;
  kind: string;
  name: string;
  containers: string[];
  team: { slug: string; name: string } | null;
};

export async function clustersById(orgId: string, ids: string[]): Promise<Map<string, { slug: string; name: string }>> {
  if (ids.length === 0) return new Map();
  const { rows } = await pool.query<{ id: string; slug: string; name: string }>(
    `SELECT id, slug, name FROM clusters WHERE org_id = $1 AND id = ANY($2::uuid[])`,
    [orgId, ids],
  );
  return new Map(rows.map((r) => [r.id, { slug: r.slug, name: r.name }]));
}

/** The workloads the caller sees running each image in the given clusters, by image id. */
export async function workloadsRunning(
  scope: TFindingScope,
  pairs: readonly { imageId: string; clusterId: string }[],
): Promise<Map<string, TWorkloadRef[]>> {
  const byImage = new Map<string, TWorkloadRef[]>();
  if (pairs.length === 0) return byImage;
  const params: unknown[] = [pairs.map((p) => p.imageId), pairs.map((p) => p.clusterId)];
  const visible = visibleWorkload(scope, "r", params);
  const { rows } = await pool.query<{
    image_id: string;
    cluster_slug: string;
    cluster_name: string;
    namespace: string;
    kind: string;
    name: string;
    containers: string[];
    team_slug: string | null;
    team_name: string | null;
  }>(
    `SELECT iw.image_id, c.slug AS cluster_slug, c.name AS cluster_name, r.namespace, r.kind, r.name,
            array_agg(DISTINCT iw.container ORDER BY iw.container) AS containers,
            t.slug AS team_slug, t.name AS team_name
       FROM unnest($1::uuid[], $2::uuid[]) AS p(image_id, cluster_id)
       JOIN image_workloads iw ON iw.image_id = p.image_id AND iw.cluster_id = p.cluster_id
       JOIN resources r ON r.id = iw.resource_id
       JOIN clusters c ON c.id = iw.cluster_id
       LEFT JOIN teams t ON t.id = r.owner_team_id
      WHERE ${visible}
      GROUP BY iw.image_id, c.slug, c.name, r.id, r.namespace, r.kind, r.name, t.slug, t.name
      ORDER BY c.slug, r.namespace, r.kind, r.name`,
    params,
  );
  for (const r of rows) {
    const list = byImage.get(r.image_id) ?? [];
    list.push({
      cluster: { slug: r.cluster_slug, name: r.cluster_name },
      namespace: r.namespace,
      kind: r.kind,
      name: r.name,
      containers: r.containers.filter(Boolean),
      team: r.team_slug && r.team_name ? { slug: r.team_slug, name: r.team_name } : null,
    });
    byImage.set(r.image_id, list);
  }
  return byImage;
}

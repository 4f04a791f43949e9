import "server-only";
import { pool } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { TCostRange } from "../range";
import { scopeIsOrgWide, type TCostScope } from "../scope";

export type TCloudComparison = {
  /** Per day with any figure: in-cluster (before scaling), shown (after scaling) and billed (null without a bill). */
  days: { day: string; inCluster: number; allocated: number; billed: number | null }[];
  /** Billed cost per provider and service over the range, largest first. */
  byService: { provider: string; service: string; cost: number }[];
  /** Per cluster over the range. */
  clusters: {
    slug: string;
    name: string;
    inCluster: number;
    allocated: number;
    billed: number | null;
    reconciledDays: number;
  }[];
};

/**
 * The cloud bill beside the in-cluster figures (org admins and org tokens: a bill is not split by
 * team). A day is reconciled when the bill covered it completely; its rows then add up to it.
 */
export async function getCloudComparison(scope: TCostScope, range: TCostRange): Promise<TCloudComparison> {
  if (!scopeIsOrgWide(scope)) throw new AppError("forbidden", "The cloud bill is for org admins.");
  const params = [scope.orgId, range.from, range.to];
  const [cluster, billed, services] = await Promise.all([
    pool.query<{ day: string; slug: string; name: string; in_cluster: number; allocated: number; cloud_rows: number }>(
      `SELECT to_char(r.day, 'YYYY-MM-DD') AS day, c.slug, c.name, sum(r.in_cluster_cost) AS in_cluster,
              sum(r.total_cost) AS allocated, count(*) FILTER (WHERE r.source = 'cloud')::int AS cloud_rows
         FROM cost_rollup_daily r JOIN clusters c ON c.id = r.cluster_id
        WHERE r.org_id = $1 AND r.day BETWEEN $2 AND $3 GROUP BY 1, 2, 3`,
      params,
    ),
    pool.query<{ day: string; slug: string; name: string; cost: number }>(
      `SELECT to_char(b.day, 'YYYY-MM-DD') AS day, c.slug, c.name, sum(b.cost) AS cost
         FROM cloud_cost_daily b JOIN clusters c ON c.id = b.cluster_id
        WHERE b.org_id = $1 AND b.day BETWEEN $2 AND $3 GROUP BY 1, 2, 3`,
      params,
    ),
    pool.query<{ provider: string; service: string; cost: number }>(
      `SELECT provider, service, sum(cost) AS cost FROM cloud_cost_daily
        WHERE org_id = $1 AND day BETWEEN $2 AND $3 GROUP BY 1, 2 ORDER BY 3 DESC, 2`,
      params,
    ),
  ]);
  const days = new Map<string, { day: string; inCluster: number; allocated: number; billed: number | null }>();
  const clusters = new Map<string, TCloudComparison["clusters"][number]>();
  const dayRow = (day: string) => {
    let d = days.get(day);
    if (!d) days.set(day, (d = { day, inCluster: 0, allocated: 0, billed: null }));
    return d;
  };
  const clusterRow = (slug: string, name: string) => {
    let c = clusters.get(slug);
    if (!c) clusters.set(slug, (c = { slug, name, inCluster: 0, allocated: 0, billed: null, reconciledDays: 0 }));
    return c;
  };
  for (const r of cluster.rows) {
    const d = dayRow(r.day);
    d.inCluster += r.in_cluster;
    d.allocated += r.allocated;
    const c = clusterRow(r.slug, r.name);
    c.inCluster += r.in_cluster;
    c.allocated += r.allocated;
    if (r.cloud_rows > 0) c.reconciledDays++;
  }
  for (const r of billed.rows) {
    const d = dayRow(r.day);
    d.billed = (d.billed ?? 0) + r.cost;
    const c = clusterRow(r.slug, r.name);
    c.billed = (c.billed ?? 0) + r.cost;
  }
  return {
    days: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)),
    byService: services.rows,
    clusters: [...clusters.values()].sort((a, b) => b.allocated - a.allocated),
  };
}

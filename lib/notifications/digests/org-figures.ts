import "server-only";
import { DEFAULT_CURRENCY } from "@/lib/cost/prices";
import { param } from "@/lib/server/sql";
import type { TDigestSql, TFigureScope } from "./figure-scope";

export type TDigestContext = {
  slug: string;
  name: string;
  currency: string;
  teams: Map<string, { slug: string; name: string; timeZone: string }>;
};

/** The org, its currency and the audiences' teams, in one statement. */
export async function loadDigestContext(sql: TDigestSql, scope: TFigureScope): Promise<TDigestContext | null> {
  const { rows } = await sql.query<{
    slug: string;
    name: string;
    currency: string | null;
    teams: { id: string; slug: string; name: string; timeZone: string }[];
  }>(
    `SELECT o.slug, o.name, s.currency,
            coalesce((SELECT json_agg(json_build_object('id', t.id, 'slug', t.slug, 'name', t.name,
                                                        'timeZone', t.time_zone))
                        FROM teams t WHERE t.org_id = o.id AND t.id = ANY($2::uuid[])), '[]') AS teams
       FROM organizations o LEFT JOIN cost_settings s ON s.org_id = o.id
      WHERE o.id = $1`,
    [scope.orgId, scope.teamIds],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    slug: row.slug,
    name: row.name,
    currency: row.currency ?? DEFAULT_CURRENCY,
    teams: new Map(row.teams.map((t) => [t.id, { slug: t.slug, name: t.name, timeZone: t.timeZone }])),
  };
}

export type TStaleRow = {
  slug: string;
  name: string;
  last_report_at: Date;
  /** Teams with workloads in the cluster (resources not removed). */
  team_ids: string[];
};

/**
 * Clusters past the org's stale threshold at `now` (the rule of lib/clusters/reporting-state.ts:
 * more than the threshold since the latest report of any type), longest silent first, with the
 * teams whose workloads run there. Clusters that never reported are waiting, not stale.
 */
export async function staleClustersWithTeams(sql: TDigestSql, orgId: string, now: Date): Promise<TStaleRow[]> {
  const params: unknown[] = [orgId];
  const at = param(params, now, "timestamptz");
  const { rows } = await sql.query<TStaleRow>(
    `SELECT c.slug, c.name, last.received_at AS last_report_at,
            ARRAY(SELECT DISTINCT r.owner_team_id FROM resources r
                   WHERE r.org_id = c.org_id AND r.cluster_id = c.id AND r.owner_team_id IS NOT NULL
                     AND r.removed_at IS NULL)::text[] AS team_ids
       FROM clusters c
       JOIN organizations o ON o.id = c.org_id
       CROSS JOIN LATERAL (
         SELECT received_at FROM reports r
          WHERE r.org_id = c.org_id AND r.cluster_id = c.id
          ORDER BY received_at DESC LIMIT 1
       ) last
      WHERE c.org_id = $1 AND ${at} > last.received_at + o.stale_cluster_hours * interval '1 hour'
      ORDER BY last.received_at, c.slug`,
    params,
  );
  return rows;
}

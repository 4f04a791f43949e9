import "server-only";
import { pool } from "@/lib/server/db";
import { keyset, param as add, type TKeyset } from "@/lib/server/sql";
import { severityLabel } from "@/lib/domain/severity";
import { slaDueJoin } from "@/lib/sla/due-sql";
import type { TFindingFilters } from "@/lib/domain/finding-filters";
import type { TViewer } from "./api-scope";
import { buildFindingsWhere, SLA_ALIAS, type TBuiltWhere } from "./filter-sql";
import type { TListOptions, TPage } from "./list-types";
import type { TFindingScope } from "@/lib/auth/visibility-scope";

// Findings grouped by check or by resource: one row per group, keyed on aggregates, paged by
// keyset like the plain list, over the same WHERE as the view (so the counts follow its filters).

/** The SLA join a grouped statement needs when the view's conditions read the due date. */
const slaJoinFor = (built: TBuiltWhere) => (built.usesSla ? slaDueJoin("f", SLA_ALIAS) : "");

/**
 * The clauses of one page of a grouped view: the view's WHERE, the HAVING that resumes after the
 * cursor (groups are keyed on aggregates, so the keyset condition cannot go in WHERE) and a LIMIT
 * one row past the page, whose presence says there is a next page.
 */
async function groupedClauses<R>(
  key: TKeyset<R>,
  scope: TFindingScope,
  filters: TFindingFilters,
  viewer: TViewer,
  options: TListOptions,
) {
  const built = await buildFindingsWhere(scope, filters, viewer);
  const { where, params } = built;
  const cursor = key.read(options.cursor);
  const having = cursor ? `HAVING ${key.where(cursor, params)}` : "";
  const limit = add(params, options.limit + 1);
  return { where, params, cursor, having, limit, slaJoin: slaJoinFor(built) };
}

/** One problem across resources: "one check on hundreds of workloads" is one row. */
export type TCheckGroup = {
  source: string;
  checkId: string;
  title: string;
  category: string;
  severity: string;
  score: number;
  findings: number;
  resources: number;
  clusters: number;
  firstSeenAt: Date;
};

type TCheckGroupRaw = {
  source: string;
  check_id: string;
  title: string;
  category: string;
  score: number;
  findings: number;
  resources: number;
  clusters: number;
  first_seen_at: Date;
};

// Worst first, then the most widespread, then by source and check (unique per group).
const CHECK_GROUP_KEY = keyset<TCheckGroupRaw>([
  { expr: "max(f.score)", dir: "desc", cast: "real", of: (r) => r.score },
  { expr: "count(*)", dir: "desc", cast: "int", of: (r) => r.findings },
  { expr: "f.source", dir: "asc", cast: "text", of: (r) => r.source },
  { expr: "f.check_id", dir: "asc", cast: "text", of: (r) => r.check_id },
]);

/** The SQL of one page of the by-check grouping (exposed for the benchmark's EXPLAIN). */
export async function checkGroupsQuery(
  scope: TFindingScope,
  filters: TFindingFilters,
  viewer: TViewer,
  options: TListOptions,
): Promise<{ text: string; values: unknown[] }> {
  const { where, params, cursor, having, limit, slaJoin } = await groupedClauses(
    CHECK_GROUP_KEY,
    scope,
    filters,
    viewer,
    options,
  );
  return {
    text: `SELECT f.source, f.check_id, min(f.title) AS title, min(f.category) AS category, max(f.score) AS score,
            count(*)::int AS findings,
            count(DISTINCT (f.cluster_id, f.namespace, f.kind, f.name))::int AS resources,
            count(DISTINCT f.cluster_id)::int AS clusters, min(f.first_seen_at) AS first_seen_at
       FROM findings f ${slaJoin}
      WHERE ${where}
      GROUP BY f.source, f.check_id
      ${having}
      ORDER BY ${CHECK_GROUP_KEY.orderBy(cursor)}
      LIMIT ${limit}`,
    values: params,
  };
}

export async function listCheckGroups(
  scope: TFindingScope,
  filters: TFindingFilters,
  viewer: TViewer,
  options: TListOptions,
): Promise<TPage<TCheckGroup>> {
  const { rows } = await pool.query<TCheckGroupRaw>(await checkGroupsQuery(scope, filters, viewer, options));
  const page = CHECK_GROUP_KEY.page(rows, options.limit, CHECK_GROUP_KEY.read(options.cursor));
  return {
    data: page.data.map((r) => ({
      source: r.source,
      checkId: r.check_id,
      title: r.title,
      category: r.category,
      severity: severityLabel(r.score),
      score: r.score,
      findings: r.findings,
      resources: r.resources,
      clusters: r.clusters,
      firstSeenAt: r.first_seen_at,
    })),
    nextCursor: page.next,
  };
}

/** One Kubernetes object (or image) and the problems on it. */
export type TResourceGroup = {
  cluster: { slug: string; name: string };
  namespace: string;
  kind: string;
  name: string;
  team: { slug: string; name: string } | null;
  severity: string;
  score: number;
  findings: number;
  bySeverity: Record<"critical" | "high" | "medium" | "low" | "none", number>;
};

type TResourceGroupRaw = {
  cluster_slug: string;
  cluster_name: string;
  namespace: string;
  kind: string;
  name: string;
  team_slug: string | null;
  team_name: string | null;
  score: number;
  findings: number;
  critical: number;
  high: number;
  medium: number;
  low: number;
  none: number;
};

// Worst first, then by where the object is (unique per group).
const RESOURCE_GROUP_KEY = keyset<TResourceGroupRaw>([
  { expr: "max(f.score)", dir: "desc", cast: "real", of: (r) => r.score },
  { expr: "c.slug", dir: "asc", cast: "text", of: (r) => r.cluster_slug },
  { expr: "f.namespace", dir: "asc", cast: "text", of: (r) => r.namespace },
  { expr: "f.kind", dir: "asc", cast: "text", of: (r) => r.kind },
  { expr: "f.name", dir: "asc", cast: "text", of: (r) => r.name },
]);

export async function listResourceGroups(
  scope: TFindingScope,
  filters: TFindingFilters,
  viewer: TViewer,
  options: TListOptions,
): Promise<TPage<TResourceGroup>> {
  const { where, params, cursor, having, limit, slaJoin } = await groupedClauses(
    RESOURCE_GROUP_KEY,
    scope,
    filters,
    viewer,
    options,
  );
  const { rows } = await pool.query<TResourceGroupRaw>(
    `SELECT c.slug AS cluster_slug, min(c.name) AS cluster_name, f.namespace, f.kind, f.name,
            min(t.slug) AS team_slug, min(t.name) AS team_name, max(f.score) AS score, count(*)::int AS findings,
            count(*) FILTER (WHERE f.severity = 'critical')::int AS critical,
            count(*) FILTER (WHERE f.severity = 'high')::int AS high,
            count(*) FILTER (WHERE f.severity = 'medium')::int AS medium,
            count(*) FILTER (WHERE f.severity = 'low')::int AS low,
            count(*) FILTER (WHERE f.severity = 'none')::int AS none
       FROM findings f
       JOIN clusters c ON c.id = f.cluster_id
       LEFT JOIN teams t ON t.id = f.owner_team_id
       ${slaJoin}
      WHERE ${where}
      GROUP BY c.slug, f.namespace, f.kind, f.name
      ${having}
      ORDER BY ${RESOURCE_GROUP_KEY.orderBy(cursor)}
      LIMIT ${limit}`,
    params,
  );
  const page = RESOURCE_GROUP_KEY.page(rows, options.limit, cursor);
  return {
    data: page.data.map((r) => ({
      cluster: { slug: r.cluster_slug, name: r.cluster_name },
      namespace: r.namespace,
      kind: r.kind,
      name: r.name,
      team: r.team_slug ? { slug: r.team_slug, name: r.team_name ?? r.team_slug } : null,
      severity: severityLabel(r.score),
      score: r.score,
      findings: r.findings,
      bySeverity: { critical: r.critical, high: r.high, medium: r.medium, low: r.low, none: r.none },
    })),
    nextCursor: page.next,
  };
}

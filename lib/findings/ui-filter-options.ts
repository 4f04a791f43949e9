import "server-only";
import type { TOrgAccess } from "@/lib/auth/access";
import { canOrg } from "@/lib/auth/permissions";
import { listMembers } from "@/lib/orgs/queries";
import { pool } from "@/lib/server/db";
import { narrowedScopeCondition } from "./api-scope";
import type { TFindingFilters } from "@/lib/domain/finding-filters";
import { scopeCondition, type TFindingScope } from "@/lib/auth/visibility-scope";

// What the findings list's filter menus offer, read from the finding_counts rollup (one row per
// cluster, team, namespace, source, category, severity and state), so building the menus costs
// the same with ten findings or ten million.

export type TPerson = {
  id: string;
  name: string;
  email: string;
  /** Org owners and admins read every finding, the unassigned ones included. */
  orgAdmin: boolean;
  /** Slugs of the teams whose findings they can read. */
  teams: string[];
};

export type TFilterOptions = {
  clusters: { slug: string; name: string }[];
  namespaces: string[];
  /** Findings in the caller's scope in any state, and open ones. */
  total: number;
  open: number;
  /** Whether the org has any cluster at all (else the first step is connecting one). */
  hasClusters: boolean;
  /** People who can see some of the caller's findings: assignee filter and assignment choices. */
  people: TPerson[];
};

const MAX_NAMESPACES = 500;

/** People who can see some of the findings in `scope`: the assignee filter's and assignment's choices. */
export async function findingPeople(access: TOrgAccess, scope: TFindingScope): Promise<TPerson[]> {
  const members = await listMembers(access.org.id);
  const visibleTeamIds = scope.teamIds === null ? null : new Set(scope.teamIds);
  return (
    members
      .map((m) => ({
        id: m.userId,
        name: m.name || m.email,
        email: m.email,
        orgAdmin: canOrg(m.role, "org:unassigned:read"),
        teams: m.teams.map((t) => t.slug),
        teamIds: m.teams.map((t) => t.id),
      }))
      // Only people who share some of the caller's teams: nobody else could take these findings.
      .filter((p) => p.orgAdmin || visibleTeamIds === null || p.teamIds.some((id) => visibleTeamIds.has(id)))
      .map(({ teamIds: _teamIds, ...p }) => p)
  );
}

/**
 * The menus' choices for a view. Clusters and namespaces are those of the view's teams (and the
 * namespaces those of its clusters), so a team's list offers its own places, not the whole org's.
 */
export async function findingFilterOptions(
  access: TOrgAccess,
  scope: TFindingScope,
  view: Pick<TFindingFilters, "team" | "cluster"> = { team: [], cluster: [] },
): Promise<TFilterOptions> {
  const params: unknown[] = [];
  const where = scopeCondition(scope, "fc", params);
  const placeParams: unknown[] = [];
  const placeWhere = narrowedScopeCondition(scope, view.team, "fc", placeParams);
  const [places, totals, clusterCount, people] = await Promise.all([
    pool.query<{ slug: string; name: string; namespace: string }>(
      `SELECT DISTINCT c.slug, c.name, fc.namespace
         FROM finding_counts fc JOIN clusters c ON c.id = fc.cluster_id
        WHERE ${placeWhere} AND fc.count <> 0`,
      placeParams,
    ),
    pool.query<{ total: number; open: number }>(
      `SELECT coalesce(sum(count), 0)::int AS total,
              coalesce(sum(count) FILTER (WHERE state = 'open'), 0)::int AS open
         FROM finding_counts fc WHERE ${where}`,
      params,
    ),
    pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM clusters WHERE org_id = $1`, [access.org.id]),
    findingPeople(access, scope),
  ]);
  const clusters = new Map<string, string>();
  const namespaces = new Set<string>();
  for (const row of places.rows) {
    clusters.set(row.slug, row.name);
    if (row.namespace && (!view.cluster.length || view.cluster.includes(row.slug))) namespaces.add(row.namespace);
  }
  return {
    clusters: [...clusters].map(([slug, name]) => ({ slug, name })).sort((a, b) => a.name.localeCompare(b.name)),
    namespaces: [...namespaces].sort().slice(0, MAX_NAMESPACES),
    total: totals.rows[0]?.total ?? 0,
    open: totals.rows[0]?.open ?? 0,
    hasClusters: (clusterCount.rows[0]?.n ?? 0) > 0,
    people,
  };
}

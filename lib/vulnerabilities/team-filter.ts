import "server-only";
import { visibleTeams, type TOrgAccess } from "@/lib/auth/access";
import { UNASSIGNED_TEAM } from "@/lib/domain/finding-filters";
import { findingScopeOf, type TFindingScope } from "@/lib/auth/visibility-scope";

/** `?team=unassigned`: findings no team owns (org admins only); the findings list's own value. */
export const UNASSIGNED = UNASSIGNED_TEAM;

export type TTeamFilter = {
  /** The teams the caller may pick from (all for org admins, their own for members). */
  teams: { slug: string; name: string }[];
  /** Whether "Unassigned" is a choice. */
  unassigned: boolean;
  /** The chosen team slug or UNASSIGNED; null for everything the caller sees. */
  selected: string | null;
  /** The caller's finding scope, narrowed to the chosen team. */
  scope: TFindingScope;
};

/**
 * The `?team=<slug>` filter of the findings area pages. A slug the caller cannot see is ignored
 * (the page shows everything they may see), so a shared link never widens anyone's view.
 */
export async function resolveTeamFilter(access: TOrgAccess, team: string | undefined): Promise<TTeamFilter> {
  const scope = findingScopeOf(access);
  const teams = (await visibleTeams(access)).filter((t) => scope.teamIds === null || scope.teamIds.includes(t.id));
  const choices = { teams: teams.map(({ slug, name }) => ({ slug, name })), unassigned: scope.unassigned };
  if (team === UNASSIGNED && scope.unassigned) {
    return { ...choices, selected: UNASSIGNED, scope: { orgId: scope.orgId, teamIds: [], unassigned: true } };
  }
  const chosen = teams.find((t) => t.slug === team);
  if (chosen) {
    return {
      ...choices,
      selected: chosen.slug,
      scope: { orgId: scope.orgId, teamIds: [chosen.id], unassigned: false },
    };
  }
  return { ...choices, selected: null, scope };
}

/** Whether the page offers the team filter at all: only when there is more than one thing to pick. */
export const hasTeamChoice = (filter: TTeamFilter) => filter.teams.length + (filter.unassigned ? 1 : 0) > 1;

/** A findings area page's query: its team filter (`?team=`) and whether triaged findings count too (`?all=1`). */
export async function resolveAreaQuery(access: TOrgAccess, query: Record<string, string | string[] | undefined>) {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return { teamFilter: await resolveTeamFilter(access, first(query.team)), includeTriaged: first(query.all) === "1" };
}

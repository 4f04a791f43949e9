import "server-only";
import { visibleTeams, type TOrgAccess } from "@/lib/auth/access";
import { findingScopeOf, type TFindingScope } from "@/lib/auth/visibility-scope";
import { UNASSIGNED_TEAM } from "./ui-filters";

export type TTeamFilter = {
  scope: TFindingScope;
  /** The teams the caller may pick (all for org admins, their own for members). */
  teams: { id: string; slug: string; name: string }[];
  /** undefined: every visible team; null: unassigned and org-level alerts; else one team. */
  teamId: string | undefined | null;
};

/**
 * The Alerting pages' team filter: a slug the caller cannot see (another org's, or a team they
 * are not on) is null, a 404 like the team's own page; "none" is for those who see unassigned.
 */
export async function resolveTeamFilter(access: TOrgAccess, teamSlug: string | undefined): Promise<TTeamFilter | null> {
  const scope = findingScopeOf(access);
  const teams = await visibleTeams(access);
  if (!teamSlug) return { scope, teams, teamId: undefined };
  if (teamSlug === UNASSIGNED_TEAM) {
    if (!scope.unassigned) return null;
    return { scope, teams, teamId: null };
  }
  const team = teams.find((t) => t.slug === teamSlug);
  if (!team) return null;
  return { scope, teams, teamId: team.id };
}

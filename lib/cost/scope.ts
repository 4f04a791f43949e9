import "server-only";
import type { TOrgAccess } from "@/lib/auth/access";
import { AppError } from "@/lib/server/errors";
import {
  findingScopeOf,
  orgWideScope,
  scopeCondition,
  scopeIncludesTeam,
  type TFindingScope,
} from "@/lib/auth/visibility-scope";

// Cost rows carry org_id and owner_team_id like findings, so the same scope decides who reads
// what: org owners/admins and org tokens read everything, including idle, unallocated and
// unassigned rows (all have no team); a member reads only the teams they belong to.

export type TCostScope = TFindingScope;

/** A session's cost scope: the teams the user may read, plus the team-less rows for org admins. */
export const costScopeOf = (access: TOrgAccess): TCostScope => findingScopeOf(access, "team:read");

/** An org read/admin token reads the whole org. */
export const orgCostScope = (orgId: string): TCostScope => orgWideScope(orgId);

/** SQL condition on a cost table aliased `alias` (org_id, owner_team_id), values appended to params. */
export const costScopeSql = (scope: TCostScope, alias: string, params: unknown[]): string =>
  scopeCondition(scope, alias, params);

/** Whether the scope reads idle/unallocated/unassigned rows (the org-level view). */
export const scopeIsOrgWide = (scope: TCostScope): boolean => scope.teamIds === null && scope.unassigned;

/**
 * A team's cost, or with null the unassigned workloads': not_found when the scope does not
 * include it (no existence leak).
 */
export function assertTeamInScope(scope: TCostScope, teamId: string | null): void {
  if (!scopeIncludesTeam(scope, teamId)) throw new AppError("not_found", "Team not found.");
}

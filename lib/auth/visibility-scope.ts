import "server-only";
import type { TOrgAccess } from "@/lib/auth/access";
import { canOrg, canTeam, effectiveTeamRole, type TPermission } from "@/lib/auth/permissions";

/**
 * Which findings a caller may see (or act on): all of an org's teams or a list of them, and
 * whether the unassigned bucket is included. Every findings query goes through `scopeCondition`.
 */
export type TFindingScope = {
  orgId: string;
  /** null: every team of the org. */
  teamIds: readonly string[] | null;
  unassigned: boolean;
};

/**
 * A session's scope for a team-level permission: org owners/admins see every team and the
 * unassigned bucket; members see the teams where their role grants the permission.
 */
export function findingScopeOf(access: TOrgAccess, permission: TPermission = "team:read"): TFindingScope {
  if (canOrg(access.role, "org:unassigned:read") && canTeam(effectiveTeamRole(access.role, null), permission)) {
    return { orgId: access.org.id, teamIds: null, unassigned: true };
  }
  const teamIds = [...access.teamRoles.entries()]
    .filter(([, role]) => canTeam(effectiveTeamRole(access.role, role), permission))
    .map(([teamId]) => teamId);
  return { orgId: access.org.id, teamIds, unassigned: false };
}

/** An org read/admin token reads the whole org, like an org admin. */
export function orgWideScope(orgId: string): TFindingScope {
  return { orgId, teamIds: null, unassigned: true };
}

/**
 * The SQL condition for a scope on a findings-like table `alias` (org_id, owner_team_id),
 * appending its values to `params`. Alerting's tables name their team column `team_id`.
 */
export function scopeCondition(
  scope: TFindingScope,
  alias: string,
  params: unknown[],
  teamColumn: "owner_team_id" | "team_id" = "owner_team_id",
): string {
  params.push(scope.orgId);
  const org = `${alias}.org_id = $${params.length}`;
  const team = `${alias}.${teamColumn}`;
  if (scope.teamIds === null) {
    return scope.unassigned ? org : `${org} AND ${team} IS NOT NULL`;
  }
  if (scope.teamIds.length === 0) return scope.unassigned ? `${org} AND ${team} IS NULL` : `${org} AND false`;
  // Equality for one team lets the (org, team, state, score) index return rows already in order.
  params.push(scope.teamIds.length === 1 ? scope.teamIds[0] : scope.teamIds);
  const teams =
    scope.teamIds.length === 1 ? `${team} = $${params.length}::uuid` : `${team} = ANY($${params.length}::uuid[])`;
  return scope.unassigned ? `${org} AND (${teams} OR ${team} IS NULL)` : `${org} AND ${teams}`;
}

export function scopeIncludesTeam(scope: TFindingScope, teamId: string | null): boolean {
  if (teamId === null) return scope.unassigned;
  return scope.teamIds === null || scope.teamIds.includes(teamId);
}

import "server-only";
import { assertOrgPermission, authorizeTeam, type TTeamAccess } from "@/lib/auth/access";

/**
 * Access to a team's settings (name, priority, scope, deletion): the team must be visible to the
 * caller (else not_found, as for any team) and only org owners/admins may change it (forbidden).
 */
export async function authorizeTeamSettings(orgSlug: string, teamSlug: string): Promise<TTeamAccess> {
  const access = await authorizeTeam(orgSlug, teamSlug, "team:read");
  assertOrgPermission(access, "org:teams:manage", "Only org owners and admins can change a team's settings and scope.");
  return access;
}

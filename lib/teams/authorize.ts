import "server-only";
import { authorizeTeam, type TTeamAccess } from "@/lib/auth/access";
import { canOrg } from "@/lib/auth/permissions";
import { AppError } from "@/lib/server/errors";

/**
 * Access to a team's settings (name, priority, scope, deletion): the team must be visible to the
 * caller (else not_found, as for any team) and only org owners/admins may change it (forbidden).
 */
export async function authorizeTeamSettings(orgSlug: string, teamSlug: string): Promise<TTeamAccess> {
  const access = await authorizeTeam(orgSlug, teamSlug, "team:read");
  if (!canOrg(access.role, "org:teams:manage")) {
    throw new AppError("forbidden", "Only org owners and admins can change a team's settings and scope.");
  }
  return access;
}

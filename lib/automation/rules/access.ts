import "server-only";
import type { TApiPrincipal } from "@/lib/api/http";
import { canOrg, canTeam, effectiveTeamRole } from "@/lib/auth/permissions";
import { db } from "@/lib/server/db";
import { AppError, notFound } from "@/lib/server/errors";

// Who may read and change which rule list through /api/v1 (the pages and server actions get the
// same answers from teamAction/requireTeamPage): the org's list is read by every member and changed
// by org admins ("org:settings:manage"); a team's list is read by the team (and org admins) and
// changed by its team admins ("team:policies:manage"). A team the caller is not on is a 404. Org
// tokens act for the whole org: read tokens read, admin tokens write (withApi refuses the rest).

export type TRuleListMode = "read" | "manage";

export function assertRuleListAccess(principal: TApiPrincipal, teamId: string | null, mode: TRuleListMode): void {
  if (principal.type === "token") return;
  const { access } = principal;
  if (!teamId) {
    if (mode === "manage" && !canOrg(access.role, "org:settings:manage")) {
      throw new AppError("forbidden", "Only org admins change the organization's rules.");
    }
    return;
  }
  const role = effectiveTeamRole(access.role, access.teamRoles.get(teamId));
  if (!role) throw notFound("Team not found.");
  if (mode === "manage" && !canTeam(role, "team:policies:manage")) {
    throw new AppError("forbidden", "Only the team's admins change its rules.");
  }
}

/** `?team=<slug>`: that team of the org (404 when it is not one), or null for the org's list. */
export async function teamIdOfSlug(orgId: string, slug: string | null): Promise<string | null> {
  if (!slug) return null;
  const team = await db.team.findUnique({ where: { orgId_slug: { orgId, slug } }, select: { id: true } });
  if (!team) throw notFound("Team not found.");
  return team.id;
}

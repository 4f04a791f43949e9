import "server-only";
import { cache } from "react";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { canOrg, canTeam, effectiveTeamRole, type TOrgRole, type TPermission, type TTeamRole } from "./permissions";
import { getSessionUser, type TSessionUser } from "./session";

export type TOrgAccess = {
  user: TSessionUser;
  org: { id: string; slug: string; name: string };
  role: TOrgRole;
  /** The user's own team roles, by team id. Org owners/admins act as admin on every team. */
  teamRoles: ReadonlyMap<string, TTeamRole>;
};

export type TTeamAccess = TOrgAccess & {
  team: { id: string; slug: string; name: string };
  teamRole: TTeamRole;
};

/** Actor recorded in the audit log. */
export { actorOf, type TActor } from "./actor";

// Memberships are read per request (never from the JWT), so removal takes effect at once.
const loadOrgAccess = cache(async (orgSlug: string): Promise<TOrgAccess | null> => {
  const user = await getSessionUser();
  if (!user) return null;
  const membership = await db.membership.findFirst({
    where: { userId: user.id, org: { slug: orgSlug } },
    select: { role: true, org: { select: { id: true, slug: true, name: true } } },
  });
  if (!membership) return null;
  const teamMemberships = await db.teamMembership.findMany({
    where: { orgId: membership.org.id, userId: user.id },
    select: { teamId: true, role: true },
  });
  return {
    user,
    org: membership.org,
    role: membership.role,
    teamRoles: new Map(teamMemberships.map((m) => [m.teamId, m.role])),
  };
});

/**
 * The caller's access to an org. Not signed in → unauthorized; not a member → not_found
 * (no existence leak); a member without `permission` → forbidden.
 */
export async function authorizeOrg(orgSlug: string, permission: TPermission = "org:read"): Promise<TOrgAccess> {
  const user = await getSessionUser();
  if (!user) throw new AppError("unauthorized", "Please sign in.");
  const access = await loadOrgAccess(orgSlug);
  if (!access) throw new AppError("not_found", "Organization not found.");
  if (!canOrg(access.role, permission)) throw new AppError("forbidden", "Your role does not allow this.");
  return access;
}

/** Throws forbidden, saying `why`, unless the caller's org role grants `permission`. */
export function assertOrgPermission(access: { role: TOrgRole }, permission: TPermission, why: string): void {
  if (!canOrg(access.role, permission)) throw new AppError("forbidden", why);
}

/** Like authorizeOrg for a team: a team the user has no role on is not_found. */
export async function authorizeTeam(
  orgSlug: string,
  teamSlug: string,
  permission: TPermission = "team:read",
): Promise<TTeamAccess> {
  const access = await authorizeOrg(orgSlug, "org:read");
  const team = await db.team.findUnique({
    where: { orgId_slug: { orgId: access.org.id, slug: teamSlug } },
    select: { id: true, slug: true, name: true },
  });
  const teamRole = team ? effectiveTeamRole(access.role, access.teamRoles.get(team.id)) : null;
  if (!team || !teamRole) throw new AppError("not_found", "Team not found.");
  if (!canTeam(teamRole, permission)) throw new AppError("forbidden", "Your team role does not allow this.");
  return { ...access, team, teamRole };
}

/** Teams the user can open: all of them for org owners/admins, their own for members. */
export async function visibleTeams(access: TOrgAccess) {
  const all = canOrg(access.role, "org:teams:manage");
  return db.team.findMany({
    where: { orgId: access.org.id, ...(all ? {} : { id: { in: [...access.teamRoles.keys()] } }) },
    orderBy: [{ priority: "asc" }, { name: "asc" }],
    select: { id: true, slug: true, name: true },
  });
}

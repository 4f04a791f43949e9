import "server-only";
import { cache } from "react";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { canOrg, canTeam, effectiveTeamRole, type TOrgRole, type TPermission, type TTeamRole } from "./permissions";
import { getSessionUser, type TSessionUser } from "./session";
import { ssoDecision, ssoStartPath } from "./sso-enforcement";

export type TOrgAccess = {
  user: TSessionUser;
  org: { id: string; slug: string; name: string };
  role: TOrgRole;
  /** The user's own team roles, by team id. Org owners/admins act as admin on every team. */
  teamRoles: ReadonlyMap<string, TTeamRole>;
  /**
   * An owner in with a password while the org enforces SSO (break-glass): the org's pages warn
   * that this door is for repairing SSO.
   */
  breakGlass: boolean;
};

export type TTeamAccess = TOrgAccess & {
  team: { id: string; slug: string; name: string };
  teamRole: TTeamRole;
};

/** Actor recorded in the audit log. */
export { actorOf, type TActor } from "./actor";

type TMembershipRow = { role: TOrgRole; id: string; slug: string; name: string; sso_enforced: boolean };
type TLoaded = { sso: "sso_required"; org: TOrgAccess["org"] } | { sso: "allowed" | "break_glass"; access: TOrgAccess };

// Memberships are read per request (never from the JWT), so removal takes effect at once. The
// org's SSO enforcement comes with the membership, in the same statement: enforcing SSO costs no
// extra round trip on any request.
const loadOrgAccess = cache(async (orgSlug: string): Promise<TLoaded | null> => {
  const user = await getSessionUser();
  if (!user) return null;
  const [membership] = await db.$queryRaw<TMembershipRow[]>`
    SELECT m.role::text AS role, o.id::text AS id, o.slug, o.name,
           coalesce(c.enabled AND c.enforced, false) AS sso_enforced
      FROM memberships m
      JOIN organizations o ON o.id = m.org_id
      LEFT JOIN sso_connections c ON c.org_id = m.org_id
     WHERE m.user_id = ${user.id}::uuid AND o.slug = ${orgSlug}`;
  if (!membership) return null;
  const org = { id: membership.id, slug: membership.slug, name: membership.name };
  const sso = ssoDecision({ id: org.id, ssoEnforced: membership.sso_enforced }, membership.role, user.signIn);
  if (sso === "sso_required") return { sso, org };
  const teamMemberships = await db.teamMembership.findMany({
    where: { orgId: org.id, userId: user.id },
    select: { teamId: true, role: true },
  });
  const teamRoles = new Map(teamMemberships.map((m) => [m.teamId, m.role]));
  return { sso, access: { user, org, role: membership.role, teamRoles, breakGlass: sso === "break_glass" } };
});

/**
 * The caller's access to an org. Not signed in → unauthorized; not a member → not_found
 * (no existence leak); a member of an org that enforces SSO whose session was not opened through
 * that org's IdP → sso_required (owners signed in with a password pass, as break-glass); a
 * member without `permission` → forbidden.
 */
export async function authorizeOrg(orgSlug: string, permission: TPermission = "org:read"): Promise<TOrgAccess> {
  const user = await getSessionUser();
  if (!user) throw new AppError("unauthorized", "Please sign in.");
  const loaded = await loadOrgAccess(orgSlug);
  if (!loaded) throw new AppError("not_found", "Organization not found.");
  if (loaded.sso === "sso_required") {
    throw new AppError("sso_required", `${loaded.org.name} requires signing in through its single sign-on.`, {
      signInUrl: ssoStartPath(loaded.org.slug),
    });
  }
  const { access } = loaded;
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

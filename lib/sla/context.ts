import "server-only";
import type { TOrgAccess } from "@/lib/auth/access";
import { canOrg, canTeam, effectiveTeamRole } from "@/lib/auth/permissions";
import type { TAuditEntry } from "@/lib/audit/record-audit";

/**
 * Who changes SLA policies, however they signed in (a session or an org token), so the verbs never
 * look at sessions or tokens themselves:
 * - `orgAdmin`: may change the org's policy and every team's ("org:settings:manage");
 * - `teamAdminOf`: teams whose policy the caller may change ("team:policies:manage");
 * - `visibleTeamIds`: teams the caller can see (null: all); another team is not_found.
 */
export type TSlaContext = {
  orgId: string;
  actor: TAuditEntry["actor"];
  orgAdmin: boolean;
  teamAdminOf: ReadonlySet<string>;
  visibleTeamIds: readonly string[] | null;
};

export function slaContextOf(access: TOrgAccess): TSlaContext {
  const orgAdmin = canOrg(access.role, "org:settings:manage");
  const admins = [...access.teamRoles.entries()]
    .filter(([, role]) => canTeam(effectiveTeamRole(access.role, role), "team:policies:manage"))
    .map(([teamId]) => teamId);
  return {
    orgId: access.org.id,
    actor: { userId: access.user.id, label: access.user.email },
    orgAdmin,
    teamAdminOf: new Set(admins),
    visibleTeamIds: canOrg(access.role, "org:teams:manage") ? null : [...access.teamRoles.keys()],
  };
}

/** An org token reads the whole org; an admin token also acts as an org admin. */
export function orgTokenSlaContext(
  orgId: string,
  token: { tokenId: string; label: string },
  admin: boolean,
): TSlaContext {
  return { orgId, actor: token, orgAdmin: admin, teamAdminOf: new Set(), visibleTeamIds: null };
}

export const canSeeTeam = (ctx: TSlaContext, teamId: string) =>
  ctx.visibleTeamIds === null || ctx.visibleTeamIds.includes(teamId);

export const canManageTeamSla = (ctx: TSlaContext, teamId: string) => ctx.orgAdmin || ctx.teamAdminOf.has(teamId);

type TPrincipal =
  { type: "token"; token: { tokenId: string; name: string; kind: string } } | { type: "session"; access: TOrgAccess };

/** The context of an /api/v1 caller (withApi's principal): a session's roles, or the org token. */
export function slaContextForPrincipal(orgId: string, principal: TPrincipal): TSlaContext {
  if (principal.type === "session") return slaContextOf(principal.access);
  const { tokenId, name, kind } = principal.token;
  return orgTokenSlaContext(orgId, { tokenId, label: name }, kind === "org_admin");
}

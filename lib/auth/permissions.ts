// The one permission table. Server guards enforce it; the UI uses the same `can` to hide controls.

export const ORG_ROLES = ["owner", "admin", "member"] as const;
export const TEAM_ROLES = ["viewer", "editor", "admin"] as const;
export type TOrgRole = (typeof ORG_ROLES)[number];
export type TTeamRole = (typeof TEAM_ROLES)[number];

export type TPermission =
  // organization level
  | "org:read"
  | "org:members:read"
  | "org:members:manage"
  | "org:owners:manage"
  | "org:teams:manage"
  | "org:clusters:read"
  | "org:clusters:manage"
  | "org:tokens:manage"
  | "org:audit:read"
  | "org:settings:manage"
  | "org:integrations:manage"
  | "org:unassigned:read"
  | "org:sso:manage"
  // team level
  | "team:read"
  | "team:triage"
  | "team:members:manage"
  | "team:routing:manage"
  | "team:budgets:manage"
  | "team:policies:manage";

const TEAM_VIEWER: TPermission[] = ["team:read"];
const TEAM_EDITOR: TPermission[] = [...TEAM_VIEWER, "team:triage"];
const TEAM_ADMIN: TPermission[] = [
  ...TEAM_EDITOR,
  "team:members:manage",
  "team:routing:manage",
  "team:budgets:manage",
  "team:policies:manage",
];

const ORG_MEMBER: TPermission[] = ["org:read", "org:members:read", "org:clusters:read"];
const ORG_ADMIN: TPermission[] = [
  ...ORG_MEMBER,
  "org:members:manage",
  "org:teams:manage",
  "org:clusters:manage",
  "org:tokens:manage",
  "org:audit:read",
  "org:settings:manage",
  "org:integrations:manage",
  "org:unassigned:read",
];
// Single sign-on decides who can sign in to the org at all, so only owners configure it.
const ORG_OWNER: TPermission[] = [...ORG_ADMIN, "org:owners:manage", "org:sso:manage"];

export const ROLE_PERMISSIONS: Readonly<Record<`org:${TOrgRole}` | `team:${TTeamRole}`, ReadonlySet<TPermission>>> = {
  "org:owner": new Set(ORG_OWNER),
  "org:admin": new Set(ORG_ADMIN),
  "org:member": new Set(ORG_MEMBER),
  "team:admin": new Set(TEAM_ADMIN),
  "team:editor": new Set(TEAM_EDITOR),
  "team:viewer": new Set(TEAM_VIEWER),
};

export function canOrg(role: TOrgRole | null | undefined, permission: TPermission): boolean {
  return role ? ROLE_PERMISSIONS[`org:${role}`].has(permission) : false;
}

export function canTeam(role: TTeamRole | null | undefined, permission: TPermission): boolean {
  return role ? ROLE_PERMISSIONS[`team:${role}`].has(permission) : false;
}

/** Org owners and admins act as team admins everywhere; members have only their own team role. */
export function effectiveTeamRole(
  orgRole: TOrgRole | null | undefined,
  teamRole: TTeamRole | null | undefined,
): TTeamRole | null {
  if (orgRole === "owner" || orgRole === "admin") return "admin";
  if (!orgRole) return null;
  return teamRole ?? null;
}

export const ORG_ROLE_LABELS: Record<TOrgRole, string> = { owner: "Owner", admin: "Admin", member: "Member" };
export const TEAM_ROLE_LABELS: Record<TTeamRole, string> = { viewer: "Viewer", editor: "Editor", admin: "Team admin" };

/** Which org roles an actor may hand out: only owners create or demote owners. */
export function assignableOrgRoles(actorRole: TOrgRole): TOrgRole[] {
  return canOrg(actorRole, "org:owners:manage") ? [...ORG_ROLES] : ORG_ROLES.filter((r) => r !== "owner");
}

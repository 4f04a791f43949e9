import "server-only";
import type { Tx } from "@/lib/server/db";
import { globMatch } from "@/lib/domain/glob";
import type { TOrgRole, TTeamRole } from "@/lib/auth/permissions";

// What the identity provider says a person may do in an org, and making memberships match it.
// Both doors use this: a sign-in through SSO (the groups in the ID token or assertion) and SCIM
// provisioning (the groups the IdP pushed). A person's directory groups are the union of the
// groups of their last SSO sign-in and the SCIM groups they are in.
//
// Rules, in order:
// - Group mappings (sso_group_mappings; `*` wildcards, case-insensitive) give org roles and team
//   roles; a SCIM group linked to a team gives its role on that team; a group value written
//   `<team-slug>/<role>` (the Fairwinds Insights convention, e.g. `payments/admin`) gives that role
//   on that team without any mapping. The highest role wins when several apply.
// - Memberships the directory created are marked `managed_by` ('sso' or 'scim') and removed when
//   no group maps to them any more. Manual memberships are never removed, only raised.
// - Owners are decided in Bumpers: the directory can make someone an owner but never demotes one,
//   so a misconfigured IdP cannot lock an organization out.
// - A person SCIM deactivated has no membership in the org at all.

export type TDirectorySource = "sso" | "scim";

export type TDesiredAccess = {
  /** Highest org role the groups map to, or null when none maps to an org role. */
  orgRole: TOrgRole | null;
  teams: Map<string, TTeamRole>;
};

export type TAccessChange = {
  membership: "created" | "removed" | "unchanged";
  orgRole?: { before: TOrgRole | null; after: TOrgRole | null };
  teamsAdded: string[];
  teamsRemoved: string[];
  teamsChanged: string[];
};

const ORG_RANK: Record<TOrgRole, number> = { member: 0, admin: 1, owner: 2 };
const TEAM_RANK: Record<TTeamRole, number> = { viewer: 0, editor: 1, admin: 2 };
const higherOrg = (a: TOrgRole | null, b: TOrgRole | null) => (!a ? b : !b ? a : ORG_RANK[b] > ORG_RANK[a] ? b : a);
const higherTeam = (a: TTeamRole | undefined, b: TTeamRole) => (!a || TEAM_RANK[b] > TEAM_RANK[a] ? b : a);

/**
 * `*` matches any run of characters; everything else literally, case-insensitively. The shared
 * linear matcher (lib/domain/glob.ts), never a regular expression built from what an owner typed.
 */
export function groupPatternMatches(pattern: string, group: string): boolean {
  return globMatch(pattern.toLowerCase(), group.toLowerCase());
}

/** `<team-slug>/<role>` → the slug and role; null for any other group value. */
export function parseTeamRoleGroup(group: string): { teamSlug: string; role: TTeamRole } | null {
  const match = /^([a-z0-9][a-z0-9-]*)\/(viewer|editor|admin)$/i.exec(group.trim());
  return match ? { teamSlug: match[1].toLowerCase(), role: match[2].toLowerCase() as TTeamRole } : null;
}

/** The groups the directory knows for this person in this org (last SSO sign-in ∪ SCIM groups). */
export async function directoryGroupsOf(tx: Tx, orgId: string, userId: string): Promise<string[]> {
  const [identity, scimGroups] = await Promise.all([
    tx.ssoIdentity.findUnique({ where: { orgId_userId: { orgId, userId } }, select: { groups: true } }),
    tx.scimGroupMember.findMany({
      // orgId on the SCIM user too, so the (org_id, user_id) index finds them.
      where: { orgId, user: { orgId, userId } },
      select: { group: { select: { displayName: true } } },
    }),
  ]);
  return [...new Set([...(identity?.groups ?? []), ...scimGroups.map((m) => m.group.displayName)])];
}

/** What `groups` grant in this org. */
export async function desiredAccessFor(tx: Tx, orgId: string, groups: readonly string[]): Promise<TDesiredAccess> {
  const desired: TDesiredAccess = { orgRole: null, teams: new Map() };
  if (groups.length === 0) return desired;
  const lowered = groups.map((g) => g.toLowerCase());
  const [mappings, linkedGroups, conventionTeams] = await Promise.all([
    tx.ssoGroupMapping.findMany({ where: { orgId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] }),
    tx.scimGroup.findMany({
      where: { orgId, teamId: { not: null } },
      select: { displayName: true, teamId: true, teamRole: true },
    }),
    teamsBySlug(tx, orgId, groups),
  ]);
  for (const m of mappings) {
    if (!groups.some((g) => groupPatternMatches(m.groupName, g))) continue;
    if (m.orgRole) desired.orgRole = higherOrg(desired.orgRole, m.orgRole);
    if (m.teamId && m.teamRole) desired.teams.set(m.teamId, higherTeam(desired.teams.get(m.teamId), m.teamRole));
  }
  for (const g of linkedGroups) {
    if (!lowered.includes(g.displayName.toLowerCase()) || !g.teamId) continue;
    desired.teams.set(g.teamId, higherTeam(desired.teams.get(g.teamId), g.teamRole));
  }
  for (const group of groups) {
    const parsed = parseTeamRoleGroup(group);
    const teamId = parsed && conventionTeams.get(parsed.teamSlug);
    if (parsed && teamId) desired.teams.set(teamId, higherTeam(desired.teams.get(teamId), parsed.role));
  }
  return desired;
}

async function teamsBySlug(tx: Tx, orgId: string, groups: readonly string[]): Promise<Map<string, string>> {
  const slugs = [...new Set(groups.map(parseTeamRoleGroup).flatMap((p) => (p ? [p.teamSlug] : [])))];
  if (slugs.length === 0) return new Map();
  const teams = await tx.team.findMany({ where: { orgId, slug: { in: slugs } }, select: { id: true, slug: true } });
  return new Map(teams.map((t) => [t.slug, t.id]));
}

/**
 * Makes the person's org and team memberships match their directory groups. `createMembership`
 * says whether a person without a membership may get one (JIT sign-in, an active SCIM user);
 * `defaultRole` is their org role when no group maps to one. Runs inside the caller's
 * transaction; returns what changed, for the audit log.
 */
export async function syncDirectoryAccess(
  tx: Tx,
  input: {
    orgId: string;
    userId: string;
    source: TDirectorySource;
    createMembership: boolean;
    defaultRole: TOrgRole;
  },
): Promise<TAccessChange> {
  const { orgId, userId, source } = input;
  const change: TAccessChange = { membership: "unchanged", teamsAdded: [], teamsRemoved: [], teamsChanged: [] };
  const scimUser = await tx.scimUser.findUnique({
    where: { orgId_userId: { orgId, userId } },
    select: { active: true },
  });
  const membership = await tx.membership.findUnique({ where: { orgId_userId: { orgId, userId } } });

  if (scimUser && !scimUser.active) {
    if (membership && membership.role !== "owner") {
      await tx.teamMembership.deleteMany({ where: { orgId, userId } });
      await tx.membership.delete({ where: { id: membership.id } });
      change.membership = "removed";
      change.orgRole = { before: membership.role, after: null };
    }
    return change;
  }

  const groups = await directoryGroupsOf(tx, orgId, userId);
  const desired = await desiredAccessFor(tx, orgId, groups);

  if (!membership) {
    if (!input.createMembership) return change;
    const role = desired.orgRole ?? input.defaultRole;
    await tx.membership.create({ data: { orgId, userId, role, managedBy: source } });
    change.membership = "created";
    change.orgRole = { before: null, after: role };
  } else if (membership.role !== "owner") {
    // A manual member keeps their role unless a mapping says otherwise (raising or lowering).
    const role = desired.orgRole ?? (membership.managedBy ? input.defaultRole : membership.role);
    if (role !== membership.role) {
      await tx.membership.update({ where: { id: membership.id }, data: { role } });
      change.orgRole = { before: membership.role, after: role };
    }
  }

  const current = await tx.teamMembership.findMany({ where: { orgId, userId } });
  for (const m of current) {
    const want = desired.teams.get(m.teamId);
    if (!want) {
      if (m.managedBy) {
        await tx.teamMembership.delete({ where: { id: m.id } });
        change.teamsRemoved.push(m.teamId);
      }
      continue;
    }
    // Manual team memberships are only ever raised; managed ones follow the directory.
    const role = m.managedBy ? want : higherTeam(m.role, want);
    if (role !== m.role) {
      await tx.teamMembership.update({ where: { id: m.id }, data: { role } });
      change.teamsChanged.push(m.teamId);
    }
  }
  const have = new Set(current.map((m) => m.teamId));
  for (const [teamId, role] of desired.teams) {
    if (have.has(teamId)) continue;
    await tx.teamMembership.create({ data: { orgId, teamId, userId, role, managedBy: source } });
    change.teamsAdded.push(teamId);
  }
  return change;
}

/** True when anything changed (the caller audits only real changes). */
export const accessChanged = (c: TAccessChange): boolean =>
  c.membership !== "unchanged" ||
  c.orgRole !== undefined ||
  c.teamsAdded.length + c.teamsRemoved.length + c.teamsChanged.length > 0;

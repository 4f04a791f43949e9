import "server-only";
import { WORKLOAD_KINDS } from "@/lib/resources/kinds";
import { db } from "@/lib/server/db";
import { ZScopeRules, type TScopeRule } from "@/lib/domain/scope-rules";

const TEAM_FIELDS = { id: true, slug: true, name: true, description: true, priority: true, scopeRules: true } as const;
const liveWorkloads = { removedAt: null, kind: { in: [...WORKLOAD_KINDS] } };

/** Every team of the org in ownership order, with its member and owned-workload counts. */
export async function listTeams(orgId: string) {
  const teams = await db.team.findMany({
    where: { orgId },
    orderBy: [{ priority: "asc" }, { name: "asc" }],
    select: {
      ...TEAM_FIELDS,
      _count: { select: { members: true, resources: { where: liveWorkloads } } },
    },
  });
  return teams.map(({ _count, scopeRules, ...team }) => ({
    ...team,
    ruleCount: Array.isArray(scopeRules) ? scopeRules.length : 0,
    memberCount: _count.members,
    ownedWorkloads: _count.resources,
  }));
}

export type TTeamListItem = Awaited<ReturnType<typeof listTeams>>[number];

export type TTeamDetails = {
  id: string;
  slug: string;
  name: string;
  description: string;
  priority: number;
  scopeRules: TScopeRule[];
  repositoryPatterns: string[];
};

export async function getTeamBySlug(orgId: string, slug: string): Promise<TTeamDetails | null> {
  const team = await db.team.findUnique({
    where: { orgId_slug: { orgId, slug } },
    select: { ...TEAM_FIELDS, repositoryPatterns: true },
  });
  if (!team) return null;
  // Rules are validated on write; a row edited by hand must not break the page.
  const rules = ZScopeRules.safeParse(team.scopeRules);
  return { ...team, scopeRules: rules.success ? rules.data : [] };
}

/** Every team's repository patterns, in no order: what decides which team owns a CI repository. */
export async function listTeamRepositoryPatterns(orgId: string) {
  const teams = await db.team.findMany({
    where: { orgId },
    select: { id: true, name: true, priority: true, repositoryPatterns: true },
  });
  return teams.map(({ repositoryPatterns, ...t }) => ({ ...t, patterns: repositoryPatterns }));
}

/** A team's members with their team role and org role. */
export async function listTeamMembers(orgId: string, teamId: string) {
  const members = await db.teamMembership.findMany({
    where: { orgId, teamId },
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: [{ user: { name: "asc" } }, { user: { email: "asc" } }],
  });
  return members.map((m) => ({
    userId: m.user.id,
    name: m.user.name,
    email: m.user.email,
    role: m.role,
    addedAt: m.createdAt,
  }));
}

export type TTeamMember = Awaited<ReturnType<typeof listTeamMembers>>[number];

/** Org members who are not on the team yet: the choices when adding someone to it. */
export async function listMembersNotOnTeam(orgId: string, teamId: string) {
  const memberships = await db.membership.findMany({
    where: { orgId, user: { teamMemberships: { none: { teamId } } } },
    select: { role: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: [{ user: { name: "asc" } }, { user: { email: "asc" } }],
  });
  return memberships.map((m) => ({ userId: m.user.id, name: m.user.name, email: m.user.email, orgRole: m.role }));
}

export type TAddableMember = Awaited<ReturnType<typeof listMembersNotOnTeam>>[number];

/** Set while findings are being moved to their new teams after a scope change (see lib/worker/stale-owners.ts). */
export async function findingOwnersPendingSince(orgId: string): Promise<Date | null> {
  const org = await db.organization.findUnique({ where: { id: orgId }, select: { findingOwnersStaleSince: true } });
  return org?.findingOwnersStaleSince ?? null;
}

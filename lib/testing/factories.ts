import { randomBytes } from "node:crypto";
import { db } from "@/lib/server/db";
import type { TOrgRole, TTeamRole } from "@/lib/auth/permissions";
import { ZScopeRules, type TScopeRuleInput } from "@/lib/domain/scope-rules";

// Each test builds its own tenant with these, so tests never depend on one another.

export const uniqueSuffix = () => randomBytes(4).toString("hex");

/** A user as the actor of a lib verb (what its audit row names). */
export const actorFor = (user: { id: string; email: string }) => ({ userId: user.id, label: user.email });

export async function createTestUser(overrides: { email?: string; name?: string; passwordHash?: string | null } = {}) {
  const suffix = uniqueSuffix();
  return db.user.create({
    data: {
      email: overrides.email ?? `user-${suffix}@test.example`,
      name: overrides.name ?? `Test User ${suffix}`,
      passwordHash: overrides.passwordHash ?? null,
    },
  });
}

export async function createTestOrg(overrides: { slug?: string; name?: string } = {}) {
  const suffix = uniqueSuffix();
  return db.organization.create({
    data: { slug: overrides.slug ?? `org-${suffix}`, name: overrides.name ?? `Org ${suffix}` },
  });
}

export async function addMember(orgId: string, userId: string, role: TOrgRole) {
  return db.membership.create({ data: { orgId, userId, role } });
}

/** A user who is a member of the org with the given role. */
export async function createMember(orgId: string, role: TOrgRole) {
  const user = await createTestUser();
  await addMember(orgId, user.id, role);
  return user;
}

export async function createTestTeam(
  orgId: string,
  overrides: { slug?: string; name?: string; priority?: number; rules?: TScopeRuleInput[] } = {},
) {
  const suffix = uniqueSuffix();
  return db.team.create({
    data: {
      orgId,
      slug: overrides.slug ?? `team-${suffix}`,
      name: overrides.name ?? `Team ${suffix}`,
      priority: overrides.priority ?? 100,
      scopeRules: ZScopeRules.parse(overrides.rules ?? []),
    },
  });
}

export async function addTeamMember(orgId: string, teamId: string, userId: string, role: TTeamRole) {
  return db.teamMembership.create({ data: { orgId, teamId, userId, role } });
}

export async function createTestCluster(orgId: string, overrides: { slug?: string; name?: string } = {}) {
  const suffix = uniqueSuffix();
  return db.cluster.create({
    data: { orgId, slug: overrides.slug ?? `cluster-${suffix}`, name: overrides.name ?? `Cluster ${suffix}` },
  });
}

/** A complete tenant: an org with one user per role and one team. */
export async function createTestTenant() {
  const org = await createTestOrg();
  const team = await createTestTeam(org.id);
  const otherTeam = await createTestTeam(org.id);
  const owner = await createMember(org.id, "owner");
  const admin = await createMember(org.id, "admin");
  const teamAdmin = await createMember(org.id, "member");
  const editor = await createMember(org.id, "member");
  const viewer = await createMember(org.id, "member");
  const member = await createMember(org.id, "member");
  await addTeamMember(org.id, team.id, teamAdmin.id, "admin");
  await addTeamMember(org.id, team.id, editor.id, "editor");
  await addTeamMember(org.id, team.id, viewer.id, "viewer");
  return { org, team, otherTeam, users: { owner, admin, teamAdmin, editor, viewer, member } };
}

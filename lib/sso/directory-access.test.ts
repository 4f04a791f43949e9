import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { addMember, addTeamMember, createTestOrg, createTestTeam, createTestUser } from "@/lib/testing/factories";
import { groupPatternMatches, parseTeamRoleGroup, syncDirectoryAccess } from "./directory-access";

async function setGroups(orgId: string, userId: string, groups: string[]) {
  await db.ssoIdentity.upsert({
    where: { orgId_userId: { orgId, userId } },
    create: { orgId, userId, protocol: "oidc", subject: `sub-${userId}`, email: "x@example.com", groups },
    update: { groups },
  });
}

const sync = (orgId: string, userId: string, createMembership = true) =>
  db.$transaction((tx) =>
    syncDirectoryAccess(tx, { orgId, userId, source: "sso", createMembership, defaultRole: "member" }),
  );

const teamRoles = async (orgId: string, userId: string) =>
  Object.fromEntries(
    (await db.teamMembership.findMany({ where: { orgId, userId } })).map((m) => [m.teamId, [m.role, m.managedBy]]),
  );

describe("directory access", () => {
  it("matches group patterns with * wildcards, case-insensitively, and reads <team>/<role> values", () => {
    expect(groupPatternMatches("k8s-*-admins", "K8S-payments-admins")).toBe(true);
    expect(groupPatternMatches("k8s-*-admins", "k8s-payments-viewers")).toBe(false);
    expect(groupPatternMatches("a.b", "axb")).toBe(false);
    expect(parseTeamRoleGroup("Payments/Admin")).toEqual({ teamSlug: "payments", role: "admin" });
    expect(parseTeamRoleGroup("payments/owner")).toBeNull();
    expect(parseTeamRoleGroup("engineering")).toBeNull();
  });

  it("creates the membership at first sign-in, maps groups to org and team roles, and removes what no longer maps", async () => {
    const org = await createTestOrg();
    const payments = await createTestTeam(org.id, { slug: "payments" });
    const platform = await createTestTeam(org.id);
    const user = await createTestUser();
    await db.ssoGroupMapping.createMany({
      data: [
        { orgId: org.id, groupName: "k8s-payments-*", teamId: payments.id, teamRole: "editor", position: 0 },
        { orgId: org.id, groupName: "k8s-admins", orgRole: "admin", position: 1 },
        { orgId: org.id, groupName: "platform", teamId: platform.id, teamRole: "viewer", position: 2 },
      ],
    });

    await setGroups(org.id, user.id, ["k8s-payments-devs", "k8s-admins", "payments/admin"]);
    const first = await sync(org.id, user.id);
    expect(first.membership).toBe("created");
    expect((await db.membership.findFirstOrThrow({ where: { orgId: org.id, userId: user.id } })).role).toBe("admin");
    // The highest role wins: the mapping says editor, the `payments/admin` value says admin.
    expect(await teamRoles(org.id, user.id)).toEqual({ [payments.id]: ["admin", "sso"] });

    await setGroups(org.id, user.id, ["platform"]);
    const second = await sync(org.id, user.id);
    expect(second.orgRole).toEqual({ before: "admin", after: "member" });
    expect(second.teamsRemoved).toEqual([payments.id]);
    expect(await teamRoles(org.id, user.id)).toEqual({ [platform.id]: ["viewer", "sso"] });
  });

  it("never removes manual memberships nor demotes an owner, and creates nothing without createMembership", async () => {
    const org = await createTestOrg();
    const team = await createTestTeam(org.id, { slug: "core" });
    const owner = await createTestUser();
    await addMember(org.id, owner.id, "owner");
    await addTeamMember(org.id, team.id, owner.id, "viewer");
    await setGroups(org.id, owner.id, ["core/editor"]);
    await sync(org.id, owner.id);
    expect((await db.membership.findFirstOrThrow({ where: { orgId: org.id, userId: owner.id } })).role).toBe("owner");
    // Raised, and still manual.
    expect(await teamRoles(org.id, owner.id)).toEqual({ [team.id]: ["editor", null] });
    await setGroups(org.id, owner.id, []);
    await sync(org.id, owner.id);
    expect(await teamRoles(org.id, owner.id)).toEqual({ [team.id]: ["editor", null] });

    const stranger = await createTestUser();
    await setGroups(org.id, stranger.id, ["core/admin"]);
    expect((await sync(org.id, stranger.id, false)).membership).toBe("unchanged");
    expect(await db.membership.count({ where: { orgId: org.id, userId: stranger.id } })).toBe(0);
  });

  it("gives SCIM groups linked to a team their role, and removes everything of a deactivated SCIM user", async () => {
    const org = await createTestOrg();
    const team = await createTestTeam(org.id);
    const user = await createTestUser();
    const scimUser = await db.scimUser.create({ data: { orgId: org.id, userId: user.id, userName: user.email } });
    const group = await db.scimGroup.create({
      data: { orgId: org.id, displayName: "Team Rocket", teamId: team.id, teamRole: "admin" },
    });
    await db.scimGroupMember.create({ data: { orgId: org.id, groupId: group.id, scimUserId: scimUser.id } });
    await db.$transaction((tx) =>
      syncDirectoryAccess(tx, {
        orgId: org.id,
        userId: user.id,
        source: "scim",
        createMembership: true,
        defaultRole: "member",
      }),
    );
    expect(await teamRoles(org.id, user.id)).toEqual({ [team.id]: ["admin", "scim"] });

    await db.scimUser.update({ where: { id: scimUser.id }, data: { active: false } });
    const change = await db.$transaction((tx) =>
      syncDirectoryAccess(tx, {
        orgId: org.id,
        userId: user.id,
        source: "scim",
        createMembership: true,
        defaultRole: "member",
      }),
    );
    expect(change.membership).toBe("removed");
    expect(await db.membership.count({ where: { orgId: org.id, userId: user.id } })).toBe(0);
    expect(await db.teamMembership.count({ where: { orgId: org.id, userId: user.id } })).toBe(0);
  });
});

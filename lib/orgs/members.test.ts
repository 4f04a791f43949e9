import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/server/db";
import { authorizeOrg } from "@/lib/auth/access";
import type { TOrgRole } from "@/lib/auth/permissions";
import { addMember, addTeamMember, createMember, createTestTenant, createTestUser } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import { inviteMember, type TInviteInput } from "./invite-member";
import { acceptInvitation, acceptInvitationWithNewAccount } from "./accept-invitation";
import { revokeInvitation } from "./revoke-invitation";
import { renewInvitation } from "./renew-invitation";
import { changeMemberRole } from "./change-member-role";
import { removeMember } from "./remove-member";
import { getInvitationForLink, listMembers, listOpenInvitations } from "./queries";

const ORIGIN = "https://bumpers.test";

type TUserRef = { id: string; email: string; name: string };

async function managerAccess(user: TUserRef, orgSlug: string) {
  signInAs(user);
  return authorizeOrg(orgSlug, "org:members:manage");
}

const secretOf = (link: string) => link.slice(`${ORIGIN}/invite/`.length);

const failure = async (promise: Promise<unknown>) =>
  promise.then(
    () => ({ code: "ok", message: "" }),
    (err: { code?: string; message?: string }) => ({ code: err.code ?? String(err), message: err.message ?? "" }),
  );

const invite = (email: string, overrides: Partial<TInviteInput> = {}): TInviteInput => ({
  email,
  role: "member",
  teamId: undefined,
  teamRole: undefined,
  ...overrides,
});

async function membershipOf(orgId: string, userId: string) {
  return db.membership.findUnique({ where: { orgId_userId: { orgId, userId } } });
}

async function auditActions(orgId: string) {
  const rows = await db.auditLog.findMany({ where: { orgId }, orderBy: { id: "asc" } });
  return rows.map((r) => r.action);
}

afterEach(() => {
  vi.restoreAllMocks();
  signInAs(null);
});

describe("inviting and accepting", () => {
  it("creates the user, membership and team membership in one go, with audit rows", async () => {
    vi.spyOn(console, "info").mockImplementation(() => {});
    const t = await createTestTenant();
    const access = await managerAccess(t.users.admin, t.org.slug);
    const result = await inviteMember(
      access,
      invite("New.Person@Example.com".toLowerCase(), { teamId: t.team.id, teamRole: "editor" }),
      ORIGIN,
    );
    expect(result.link).toMatch(/^https:\/\/bumpers\.test\/invite\/[A-Za-z0-9_-]{43}$/);

    // Only the hash is stored.
    const stored = await db.invitation.findUniqueOrThrow({ where: { id: result.invitationId } });
    expect(stored.tokenHash).not.toContain(secretOf(result.link));
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const hours = (stored.expiresAt.getTime() - stored.createdAt.getTime()) / 3_600_000;
    expect(Math.round(hours)).toBe(168);

    const view = await getInvitationForLink(secretOf(result.link));
    expect(view).toMatchObject({
      status: "pending",
      email: "new.person@example.com",
      role: "member",
      org: { slug: t.org.slug, name: t.org.name },
      teamName: t.team.name,
      teamRole: "editor",
      inviter: { email: t.users.admin.email },
      accountExists: false,
    });

    const joined = await acceptInvitationWithNewAccount(secretOf(result.link), {
      name: "New Person",
      password: "correct horse battery",
    });
    expect(joined).toEqual({ orgSlug: t.org.slug, email: "new.person@example.com" });
    const user = await db.user.findUniqueOrThrow({ where: { email: "new.person@example.com" } });
    expect(user.name).toBe("New Person");
    expect(user.passwordHash).toBeTruthy();
    expect((await membershipOf(t.org.id, user.id))?.role).toBe("member");
    const teamMembership = await db.teamMembership.findUnique({
      where: { teamId_userId: { teamId: t.team.id, userId: user.id } },
    });
    expect(teamMembership?.role).toBe("editor");
    expect(teamMembership?.orgId).toBe(t.org.id);

    const accepted = await db.invitation.findUniqueOrThrow({ where: { id: result.invitationId } });
    expect(accepted.acceptedAt).not.toBeNull();
    expect(await auditActions(t.org.id)).toEqual(["member.invited", "member.joined"]);
    const joinedRow = await db.auditLog.findFirstOrThrow({ where: { orgId: t.org.id, action: "member.joined" } });
    expect(joinedRow.actorUserId).toBe(user.id);
    expect(joinedRow.after).toMatchObject({ role: "member", team: t.team.slug, teamRole: "editor" });

    // The new member can now open the org.
    signInAs(user);
    expect((await authorizeOrg(t.org.slug)).role).toBe("member");
  });

  it("lets an existing account accept only when signed in as the invited email", async () => {
    vi.spyOn(console, "info").mockImplementation(() => {});
    const t = await createTestTenant();
    const other = await createTestTenant();
    const access = await managerAccess(t.users.owner, t.org.slug);
    // Someone who already uses Bumpers in another org.
    const invitee = other.users.member;
    const { link } = await inviteMember(access, invite(invitee.email, { role: "admin" }), ORIGIN);
    expect(await getInvitationForLink(secretOf(link))).toMatchObject({ status: "pending", accountExists: true });

    const wrongUser = await failure(acceptInvitation(secretOf(link), other.users.admin));
    expect(wrongUser.code).toBe("forbidden");
    expect(wrongUser.message).toContain(invitee.email);

    // The new-account path cannot take over an existing account.
    const takeover = await failure(
      acceptInvitationWithNewAccount(secretOf(link), { name: "X", password: "0123456789" }),
    );
    expect(takeover).toMatchObject({ code: "conflict", message: expect.stringContaining("already exists") });

    expect(await acceptInvitation(secretOf(link), invitee)).toEqual({ orgSlug: t.org.slug });
    expect((await membershipOf(t.org.id, invitee.id))?.role).toBe("admin");
    // Their other org is untouched.
    expect((await membershipOf(other.org.id, invitee.id))?.role).toBe("member");
  });

  it("refuses expired, revoked, reused and unknown links with clear messages", async () => {
    vi.spyOn(console, "info").mockImplementation(() => {});
    const t = await createTestTenant();
    const access = await managerAccess(t.users.admin, t.org.slug);

    const expired = await inviteMember(access, invite("expired@test.example"), ORIGIN);
    await db.invitation.update({
      where: { id: expired.invitationId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await getInvitationForLink(secretOf(expired.link))).toEqual({ status: "expired" });
    expect(
      await failure(acceptInvitationWithNewAccount(secretOf(expired.link), { name: "E", password: "0123456789" })),
    ).toEqual({ code: "conflict", message: "This invitation has expired." });

    const revoked = await inviteMember(access, invite("revoked@test.example"), ORIGIN);
    await revokeInvitation(access, revoked.invitationId);
    expect(await getInvitationForLink(secretOf(revoked.link))).toEqual({ status: "revoked" });
    expect(
      await failure(acceptInvitationWithNewAccount(secretOf(revoked.link), { name: "R", password: "0123456789" })),
    ).toEqual({ code: "conflict", message: "This invitation was revoked." });

    const used = await inviteMember(access, invite("used@test.example"), ORIGIN);
    await acceptInvitationWithNewAccount(secretOf(used.link), { name: "U", password: "0123456789" });
    const usedUser = await db.user.findUniqueOrThrow({ where: { email: "used@test.example" } });
    expect(await getInvitationForLink(secretOf(used.link))).toEqual({ status: "accepted" });
    expect(await failure(acceptInvitation(secretOf(used.link), usedUser))).toEqual({
      code: "conflict",
      message: "This invitation was already used.",
    });

    expect(await getInvitationForLink("not-a-secret")).toEqual({ status: "invalid" });
    expect(await getInvitationForLink("A".repeat(43))).toEqual({ status: "invalid" });
    expect((await failure(acceptInvitation("A".repeat(43), usedUser))).code).toBe("not_found");
    // No user was created by the refused attempts.
    expect(await db.user.count({ where: { email: { in: ["expired@test.example", "revoked@test.example"] } } })).toBe(0);
  });

  it("lets only one of two simultaneous acceptances join", async () => {
    vi.spyOn(console, "info").mockImplementation(() => {});
    const t = await createTestTenant();
    const access = await managerAccess(t.users.admin, t.org.slug);
    const invitee = await createTestUser();
    const { link } = await inviteMember(access, invite(invitee.email), ORIGIN);
    const results = await Promise.all([
      failure(acceptInvitation(secretOf(link), invitee)),
      failure(acceptInvitation(secretOf(link), invitee)),
    ]);
    expect(results.map((r) => r.code).sort()).toEqual(["conflict", "ok"]);
    expect(await db.membership.count({ where: { orgId: t.org.id, userId: invitee.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { orgId: t.org.id, action: "member.joined" } })).toBe(1);
  });

  it("replaces a pending invitation to the same email and refuses existing members", async () => {
    vi.spyOn(console, "info").mockImplementation(() => {});
    const t = await createTestTenant();
    const access = await managerAccess(t.users.admin, t.org.slug);
    const first = await inviteMember(access, invite("twice@test.example"), ORIGIN);
    const second = await inviteMember(access, invite("twice@test.example", { role: "admin" }), ORIGIN);
    expect(second.replaced).toBe(1);
    expect(await getInvitationForLink(secretOf(first.link))).toEqual({ status: "revoked" });
    const open = await listOpenInvitations(t.org.id);
    expect(open.map((i) => [i.email, i.role, i.status])).toEqual([["twice@test.example", "admin", "pending"]]);
    expect(await auditActions(t.org.id)).toEqual(["member.invited", "invitation.revoked", "member.invited"]);

    const existing = await failure(inviteMember(access, invite(t.users.editor.email), ORIGIN));
    expect(existing).toEqual({
      code: "conflict",
      message: `${t.users.editor.email} is already a member of this organization.`,
    });
    expect(await db.invitation.count({ where: { orgId: t.org.id, email: t.users.editor.email } })).toBe(0);
  });

  it("renews a link: the old one stops working, the new one keeps role and team", async () => {
    vi.spyOn(console, "info").mockImplementation(() => {});
    const t = await createTestTenant();
    const access = await managerAccess(t.users.admin, t.org.slug);
    const first = await inviteMember(
      access,
      invite("renew@test.example", { teamId: t.team.id, teamRole: "admin" }),
      ORIGIN,
    );
    const renewed = await renewInvitation(access, first.invitationId, ORIGIN);
    expect(renewed.link).not.toBe(first.link);
    expect(await getInvitationForLink(secretOf(first.link))).toEqual({ status: "revoked" });
    expect(await getInvitationForLink(secretOf(renewed.link))).toMatchObject({
      status: "pending",
      role: "member",
      teamName: t.team.name,
      teamRole: "admin",
    });
  });

  it("lets only owners invite owners and checks the team belongs to the org", async () => {
    vi.spyOn(console, "info").mockImplementation(() => {});
    const t = await createTestTenant();
    const other = await createTestTenant();
    const admin = await managerAccess(t.users.admin, t.org.slug);
    expect((await failure(inviteMember(admin, invite("boss@test.example", { role: "owner" }), ORIGIN))).code).toBe(
      "forbidden",
    );
    const foreignTeam = await failure(
      inviteMember(admin, invite("x@test.example", { teamId: other.team.id, teamRole: "admin" }), ORIGIN),
    );
    expect(foreignTeam).toEqual({ code: "bad_request", message: "Choose a team of this organization." });
    const owner = await managerAccess(t.users.owner, t.org.slug);
    expect((await failure(inviteMember(owner, invite("boss@test.example", { role: "owner" }), ORIGIN))).code).toBe(
      "ok",
    );
    // An admin cannot revoke the owner invitation either.
    const ownerInvite = await db.invitation.findFirstOrThrow({
      where: { orgId: t.org.id, email: "boss@test.example" },
    });
    expect((await failure(revokeInvitation(admin, ownerInvite.id))).code).toBe("forbidden");
  });
});

describe("changing roles and removing members", () => {
  it("changes a role with a before/after audit row", async () => {
    const t = await createTestTenant();
    const access = await managerAccess(t.users.admin, t.org.slug);
    const target = await db.membership.findUniqueOrThrow({
      where: { orgId_userId: { orgId: t.org.id, userId: t.users.member.id } },
    });
    expect(await changeMemberRole(access, target.id, "admin")).toEqual({ changed: true, email: t.users.member.email });
    expect((await membershipOf(t.org.id, t.users.member.id))?.role).toBe("admin");
    const row = await db.auditLog.findFirstOrThrow({ where: { orgId: t.org.id, action: "member.role_changed" } });
    expect(row).toMatchObject({
      before: { role: "member" },
      after: { role: "admin" },
      targetLabel: t.users.member.email,
    });
  });

  it("refuses to demote or remove the last owner", async () => {
    const t = await createTestTenant();
    const owner = await managerAccess(t.users.owner, t.org.slug);
    const ownerMembership = await membershipOf(t.org.id, t.users.owner.id);
    const message = "An organization needs at least one owner.";
    expect(await failure(changeMemberRole(owner, ownerMembership!.id, "admin"))).toEqual({ code: "conflict", message });
    expect(await failure(removeMember(owner, ownerMembership!.id))).toEqual({ code: "conflict", message });
    expect((await membershipOf(t.org.id, t.users.owner.id))?.role).toBe("owner");

    // With a second owner, the first may step down.
    const second = await createMember(t.org.id, "owner");
    expect((await changeMemberRole(owner, ownerMembership!.id, "admin")).changed).toBe(true);
    const secondAccess = await managerAccess(second, t.org.slug);
    const secondMembership = await membershipOf(t.org.id, second.id);
    expect(await failure(removeMember(secondAccess, secondMembership!.id))).toEqual({ code: "conflict", message });
  });

  it("keeps one owner when two owners demote each other at the same time", async () => {
    const t = await createTestTenant();
    const second = await createMember(t.org.id, "owner");
    const a = await managerAccess(t.users.owner, t.org.slug);
    const b = await managerAccess(second, t.org.slug);
    const aMembership = await membershipOf(t.org.id, t.users.owner.id);
    const bMembership = await membershipOf(t.org.id, second.id);
    const results = await Promise.all([
      failure(changeMemberRole(a, bMembership!.id, "member")),
      failure(changeMemberRole(b, aMembership!.id, "member")),
    ]);
    expect(results.map((r) => r.code).sort()).toEqual(["conflict", "ok"]);
    expect(await db.membership.count({ where: { orgId: t.org.id, role: "owner" } })).toBe(1);
  });

  it("does not let an admin change or remove an owner, or make someone an owner", async () => {
    const t = await createTestTenant();
    await createMember(t.org.id, "owner");
    const admin = await managerAccess(t.users.admin, t.org.slug);
    const ownerMembership = await membershipOf(t.org.id, t.users.owner.id);
    const memberMembership = await membershipOf(t.org.id, t.users.member.id);
    expect((await failure(changeMemberRole(admin, ownerMembership!.id, "member"))).code).toBe("forbidden");
    expect((await failure(removeMember(admin, ownerMembership!.id))).code).toBe("forbidden");
    expect((await failure(changeMemberRole(admin, memberMembership!.id, "owner"))).code).toBe("forbidden");
    expect((await membershipOf(t.org.id, t.users.owner.id))?.role).toBe("owner");
    expect((await membershipOf(t.org.id, t.users.member.id))?.role).toBe("member");
  });

  it("removes the member's team memberships in that org only, and their access at once", async () => {
    const t = await createTestTenant();
    const other = await createTestTenant();
    // The editor is also on a team of another org, which must survive.
    await addMember(other.org.id, t.users.editor.id, "member");
    await addTeamMember(other.org.id, other.team.id, t.users.editor.id, "editor");
    await addTeamMember(t.org.id, t.otherTeam.id, t.users.editor.id, "viewer");

    const admin = await managerAccess(t.users.admin, t.org.slug);
    const membership = await membershipOf(t.org.id, t.users.editor.id);
    expect(await removeMember(admin, membership!.id)).toEqual({ email: t.users.editor.email, removedSelf: false });

    expect(await membershipOf(t.org.id, t.users.editor.id)).toBeNull();
    expect(await db.teamMembership.count({ where: { orgId: t.org.id, userId: t.users.editor.id } })).toBe(0);
    expect(await db.teamMembership.count({ where: { orgId: other.org.id, userId: t.users.editor.id } })).toBe(1);
    const row = await db.auditLog.findFirstOrThrow({ where: { orgId: t.org.id, action: "member.removed" } });
    expect(row.before).toMatchObject({ role: "member" });
    expect((row.before as { teams: unknown[] }).teams).toHaveLength(2);

    signInAs(t.users.editor);
    expect((await failure(authorizeOrg(t.org.slug))).code).toBe("not_found");
    expect((await failure(authorizeOrg(other.org.slug))).code).toBe("ok");
  });

  it("lists members with their teams in this org", async () => {
    const t = await createTestTenant();
    const rows = await listMembers(t.org.id);
    expect(rows).toHaveLength(6);
    const editor = rows.find((r) => r.userId === t.users.editor.id);
    expect(editor).toMatchObject({ role: "member", teams: [{ id: t.team.id, role: "editor" }] });
    expect(rows.find((r) => r.userId === t.users.owner.id)?.teams).toEqual([]);
  });
});

describe("tenant isolation and permissions", () => {
  it("does not let an admin of org B touch members or invitations of org A", async () => {
    vi.spyOn(console, "info").mockImplementation(() => {});
    const a = await createTestTenant();
    const b = await createTestTenant();
    const aAdmin = await managerAccess(a.users.admin, a.org.slug);
    const aInvite = await inviteMember(aAdmin, invite("pending@test.example"), ORIGIN);
    const aMember = await membershipOf(a.org.id, a.users.member.id);

    // Through org A's URL: B's admin is not a member, so A does not exist for them.
    signInAs(b.users.admin);
    expect((await failure(authorizeOrg(a.org.slug, "org:members:manage"))).code).toBe("not_found");

    // Through their own org with A's ids: still not found.
    const bAdmin = await managerAccess(b.users.admin, b.org.slug);
    expect((await failure(changeMemberRole(bAdmin, aMember!.id, "admin"))).code).toBe("not_found");
    expect((await failure(removeMember(bAdmin, aMember!.id))).code).toBe("not_found");
    expect((await failure(revokeInvitation(bAdmin, aInvite.invitationId))).code).toBe("not_found");
    expect((await failure(renewInvitation(bAdmin, aInvite.invitationId, ORIGIN))).code).toBe("not_found");

    expect((await membershipOf(a.org.id, a.users.member.id))?.role).toBe("member");
    expect(await getInvitationForLink(secretOf(aInvite.link))).toMatchObject({ status: "pending" });
    expect(await db.auditLog.count({ where: { orgId: b.org.id } })).toBe(0);
  });

  it("forbids members without the manage permission", async () => {
    const t = await createTestTenant();
    signInAs(t.users.teamAdmin);
    expect((await failure(authorizeOrg(t.org.slug, "org:members:manage"))).code).toBe("forbidden");
    // Even with an access object in hand, the rules refuse a member.
    const access = await authorizeOrg(t.org.slug);
    const target = await membershipOf(t.org.id, t.users.viewer.id);
    expect((await failure(changeMemberRole(access, target!.id, "admin"))).code).toBe("forbidden");
    expect((await failure(removeMember(access, target!.id))).code).toBe("forbidden");
    expect((await failure(inviteMember(access, invite("m@test.example"), ORIGIN))).code).toBe("forbidden");
  });

  it("keeps the role unchanged when nothing changes", async () => {
    const t = await createTestTenant();
    const access = await managerAccess(t.users.owner, t.org.slug);
    const target = await membershipOf(t.org.id, t.users.member.id);
    expect((await changeMemberRole(access, target!.id, "member" satisfies TOrgRole)).changed).toBe(false);
    expect(await db.auditLog.count({ where: { orgId: t.org.id } })).toBe(0);
  });
});

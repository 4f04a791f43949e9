import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/server/db";
import { createTestTenant } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import {
  changeMemberRoleAction,
  inviteMemberAction,
  removeMemberAction,
  renewInvitationAction,
  revokeInvitationAction,
} from "./actions";
import { formOf } from "@/lib/testing/forms";

// The invitation link's origin comes from the request when NEXTAUTH_URL is unset.
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "members.test:3000", "x-forwarded-proto": "http" }),
}));

const membershipId = async (orgId: string, userId: string) =>
  (await db.membership.findUniqueOrThrow({ where: { orgId_userId: { orgId, userId } } })).id;

afterEach(() => {
  vi.restoreAllMocks();
  signInAs(null);
});

describe("members settings actions", () => {
  it("invite: returns the link once, with field errors for bad input", async () => {
    vi.spyOn(console, "info").mockImplementation(() => {});
    const t = await createTestTenant();
    signInAs(t.users.admin);
    const bad = await inviteMemberAction(null, formOf({ org: t.org.slug, email: "nope", role: "boss", teamId: "x" }));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && Object.keys(bad.error.fieldErrors ?? {}).sort()).toEqual(["email", "role", "teamId"]);

    const result = await inviteMemberAction(
      null,
      formOf({ org: t.org.slug, email: "Grace@Example.com", role: "member", teamId: t.team.id, teamRole: "" }),
    );
    expect(result).toMatchObject({ ok: true, data: { email: "grace@example.com", mailSent: true, replaced: 0 } });
    expect(result.ok && result.data.link).toMatch(/^http:\/\/members\.test:3000\/invite\/[A-Za-z0-9_-]{43}$/);
    const stored = await db.invitation.findFirstOrThrow({ where: { orgId: t.org.id, email: "grace@example.com" } });
    expect(stored.teamRole).toBe("viewer");

    const duplicate = await inviteMemberAction(
      null,
      formOf({ org: t.org.slug, email: t.users.viewer.email, role: "member" }),
    );
    expect(duplicate).toMatchObject({
      ok: false,
      error: { code: "conflict", fieldErrors: { email: [expect.any(String)] } },
    });
  });

  it("answers forbidden to a plain member and not_found across orgs, changing nothing", async () => {
    vi.spyOn(console, "info").mockImplementation(() => {});
    const a = await createTestTenant();
    const b = await createTestTenant();
    const target = await membershipId(a.org.id, a.users.viewer.id);
    signInAs(a.users.admin);
    const invited = await inviteMemberAction(
      null,
      formOf({ org: a.org.slug, email: "x@test.example", role: "member" }),
    );
    const invitationId = (await db.invitation.findFirstOrThrow({ where: { orgId: a.org.id } })).id;
    expect(invited.ok).toBe(true);

    signInAs(a.users.teamAdmin);
    for (const result of [
      await changeMemberRoleAction(null, formOf({ org: a.org.slug, membershipId: target, role: "admin" })),
      await removeMemberAction(null, formOf({ org: a.org.slug, membershipId: target })),
      await revokeInvitationAction(null, formOf({ org: a.org.slug, invitationId })),
      await inviteMemberAction(null, formOf({ org: a.org.slug, email: "y@test.example", role: "member" })),
    ]) {
      expect(result).toMatchObject({ ok: false, error: { code: "forbidden" } });
    }

    signInAs(b.users.admin);
    for (const slug of [a.org.slug, b.org.slug]) {
      for (const result of [
        await changeMemberRoleAction(null, formOf({ org: slug, membershipId: target, role: "admin" })),
        await removeMemberAction(null, formOf({ org: slug, membershipId: target })),
        await revokeInvitationAction(null, formOf({ org: slug, invitationId })),
        await renewInvitationAction(null, formOf({ org: slug, invitationId })),
      ]) {
        expect(result).toMatchObject({ ok: false, error: { code: "not_found" } });
      }
    }

    signInAs(null);
    expect(await removeMemberAction(null, formOf({ org: a.org.slug, membershipId: target }))).toMatchObject({
      ok: false,
      error: { code: "unauthorized" },
    });

    expect((await db.membership.findUniqueOrThrow({ where: { id: target } })).role).toBe("member");
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitationId } })).revokedAt).toBeNull();
  });

  it("changes roles, refuses the last owner's demotion and removes members", async () => {
    const t = await createTestTenant();
    signInAs(t.users.owner);
    const ownerId = await membershipId(t.org.id, t.users.owner.id);
    expect(
      await changeMemberRoleAction(null, formOf({ org: t.org.slug, membershipId: ownerId, role: "member" })),
    ).toEqual({
      ok: false,
      error: { code: "conflict", message: "An organization needs at least one owner." },
    });
    const viewerId = await membershipId(t.org.id, t.users.viewer.id);
    expect(
      await changeMemberRoleAction(null, formOf({ org: t.org.slug, membershipId: viewerId, role: "admin" })),
    ).toEqual({
      ok: true,
      data: { email: t.users.viewer.email, changed: true },
    });
    expect(await removeMemberAction(null, formOf({ org: t.org.slug, membershipId: viewerId }))).toEqual({
      ok: true,
      data: { email: t.users.viewer.email, removedSelf: false },
    });
    expect(await removeMemberAction(null, formOf({ org: t.org.slug, membershipId: "not-a-uuid" }))).toMatchObject({
      ok: false,
      error: { code: "bad_request" },
    });
  });
});

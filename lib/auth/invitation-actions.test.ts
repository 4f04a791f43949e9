import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/server/db";
import { authorizeOrg } from "@/lib/auth/access";
import { inviteMember } from "@/lib/orgs/invite-member";
import { createTestTenant, createTestUser } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import { acceptInvitationAction, joinWithNewAccountAction } from "./actions";
import { formOf } from "@/lib/testing/forms";

async function invite(email: string) {
  vi.spyOn(console, "info").mockImplementation(() => {});
  const t = await createTestTenant();
  signInAs(t.users.admin);
  const access = await authorizeOrg(t.org.slug, "org:members:manage");
  const { link } = await inviteMember(
    access,
    { email, role: "member", teamId: t.team.id, teamRole: "editor" },
    "http://x.test",
  );
  signInAs(null);
  return { t, token: link.split("/invite/")[1] };
}

afterEach(() => {
  vi.restoreAllMocks();
  signInAs(null);
});

describe("invitation page actions", () => {
  it("creates the account and joins, refusing a second use of the link", async () => {
    const { t, token } = await invite("fresh@test.example");
    const weak = await joinWithNewAccountAction(null, formOf({ token, name: "Fresh", password: "short" }));
    expect(weak).toMatchObject({
      ok: false,
      error: { code: "bad_request", fieldErrors: { password: [expect.any(String)] } },
    });
    const joined = await joinWithNewAccountAction(null, formOf({ token, name: "Fresh", password: "long enough pw" }));
    expect(joined).toEqual({ ok: true, data: { orgSlug: t.org.slug, email: "fresh@test.example" } });
    const again = await joinWithNewAccountAction(null, formOf({ token, name: "Fresh", password: "long enough pw" }));
    expect(again).toEqual({ ok: false, error: { code: "conflict", message: "This invitation was already used." } });
  });

  it("needs the invited user to be signed in to accept with an existing account", async () => {
    const existing = await createTestUser();
    const { t, token } = await invite(existing.email);
    expect(await acceptInvitationAction(null, formOf({ token }))).toMatchObject({
      ok: false,
      error: { code: "unauthorized" },
    });
    signInAs(t.users.viewer);
    expect(await acceptInvitationAction(null, formOf({ token }))).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    signInAs(existing);
    expect(await acceptInvitationAction(null, formOf({ token: "garbage" }))).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect(await acceptInvitationAction(null, formOf({ token }))).toEqual({ ok: true, data: { orgSlug: t.org.slug } });
    const teamMembership = await db.teamMembership.findUnique({
      where: { teamId_userId: { teamId: t.team.id, userId: existing.id } },
    });
    expect(teamMembership?.role).toBe("editor");
  });
});

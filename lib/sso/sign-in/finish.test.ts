import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/server/db";
import { consumeSsoTicket, peekSsoTicket } from "@/lib/auth/sso-ticket";
import { RECURRING_JOBS } from "@/lib/worker/recurring";
import { addMember, addTeamMember, createTestTeam, createTestUser } from "@/lib/testing/factories";
import { finishSsoSignIn } from "./finish";
import { createSsoOrg, identityFor, ticketOf } from "./sign-in-testing";

const ORIGIN = "https://bumpers.test";

// Refusals log their detail for operators; the tests read it instead of printing it.
let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

const refusalOf = (res: Response) => {
  expect(res.status).toBe(303);
  expect(res.headers.get("set-cookie")).toBeNull();
  return res.headers.get("location");
};

const teamRolesOf = async (orgId: string, userId: string) =>
  Object.fromEntries(
    (await db.teamMembership.findMany({ where: { orgId, userId }, include: { team: true } })).map((m) => [
      m.team.slug,
      m.role,
    ]),
  );

describe("finishSsoSignIn", () => {
  it("creates the user, membership and mapped teams at the first sign-in (JIT) and hands over a ticket in a cookie only", async () => {
    const sso = await createSsoOrg({ sessionHours: 8 });
    const payments = await createTestTeam(sso.org.id, { slug: `payments-${sso.org.slug}` });
    await db.ssoGroupMapping.create({
      data: { orgId: sso.org.id, groupName: "k8s-payments-*", teamId: payments.id, teamRole: "editor" },
    });
    const email = sso.email("ada");

    const res = await finishSsoSignIn(
      identityFor(sso.org, {
        email: email.toUpperCase(),
        name: "Ada Lovelace",
        groups: ["k8s-payments-devs"],
        callbackUrl: "/o/x?tab=1",
      }),
      ORIGIN,
    );

    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/login/sso");
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(
      /^bumpers-sso-ticket=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Secure; Max-Age=60$/,
    );
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ name: "Ada Lovelace", passwordHash: null });
    const membership = await db.membership.findUniqueOrThrow({
      where: { orgId_userId: { orgId: sso.org.id, userId: user.id } },
    });
    expect(membership).toMatchObject({ role: "member", managedBy: "sso" });
    expect(await teamRolesOf(sso.org.id, user.id)).toEqual({ [payments.slug]: "editor" });
    expect(
      await db.ssoIdentity.findUniqueOrThrow({ where: { orgId_userId: { orgId: sso.org.id, userId: user.id } } }),
    ).toMatchObject({
      subject: `sub-${email.toUpperCase()}`,
      email,
      groups: ["k8s-payments-devs"],
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { orgId: sso.org.id, action: "member.provisioned" } });
    expect(audit).toMatchObject({ actorLabel: "SSO", actorUserId: null, targetLabel: email });
    expect(audit.after).toMatchObject({ role: "member", teams: [`${payments.slug}: editor`], via: "oidc" });

    // The ticket: in the database only as a hash, leading where the sign-in was headed, for the
    // connection's session lifetime.
    const secret = ticketOf(res);
    expect(await db.ssoSignInTicket.count({ where: { tokenHash: secret } })).toBe(0);
    expect(await peekSsoTicket(secret)).toEqual({ callbackUrl: "/o/x?tab=1" });
    const used = await consumeSsoTicket(secret);
    expect(used).toMatchObject({ id: user.id, email, ssoOrgId: sso.org.id, callbackUrl: "/o/x?tab=1" });
    const hours = ((used!.ssoUntil ?? 0) * 1000 - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(7.9);
    expect(hours).toBeLessThanOrEqual(8);
  });

  it("signs in an existing member by email without JIT, and sets no Secure flag on plain http", async () => {
    const sso = await createSsoOrg({ jit: false });
    const user = await createTestUser({ email: sso.email("grace") });
    await addMember(sso.org.id, user.id, "admin");

    const res = await finishSsoSignIn(identityFor(sso.org, { email: user.email }), "http://127.0.0.1:3000");

    expect(res.headers.get("location")).toBe("/login/sso");
    expect(res.headers.get("set-cookie")).not.toMatch(/Secure/);
    expect((await consumeSsoTicket(ticketOf(res)))?.id).toBe(user.id);
    // A manual member keeps their role; nothing changed, so nothing was audited.
    expect((await db.membership.findFirstOrThrow({ where: { orgId: sso.org.id, userId: user.id } })).role).toBe(
      "admin",
    );
    expect(await db.auditLog.count({ where: { orgId: sso.org.id } })).toBe(0);
  });

  it("finds the person by the IdP's subject after their email changed", async () => {
    const sso = await createSsoOrg();
    const first = await finishSsoSignIn(
      identityFor(sso.org, { email: sso.email("old.name"), subject: "00u-42" }),
      ORIGIN,
    );
    const userId = (await consumeSsoTicket(ticketOf(first)))!.id;

    const second = await finishSsoSignIn(
      identityFor(sso.org, { email: sso.email("new.name"), subject: "00u-42" }),
      ORIGIN,
    );

    expect((await consumeSsoTicket(ticketOf(second)))!.id).toBe(userId);
    expect(await db.user.count({ where: { email: sso.email("new.name") } })).toBe(0);
    expect(await db.ssoIdentity.findFirstOrThrow({ where: { orgId: sso.org.id, subject: "00u-42" } })).toMatchObject({
      userId,
      email: sso.email("new.name"),
    });
  });

  it("refuses an email whose domain the org did not claim, even one another org claimed, and creates nothing", async () => {
    const a = await createSsoOrg();
    const b = await createSsoOrg();
    const victim = await createTestUser({ email: a.email("victim") });
    await addMember(a.org.id, victim.id, "owner");

    // B's IdP asserts an address of A's domain: B never claimed it, so its IdP is no authority for it.
    const res = await finishSsoSignIn(identityFor(b.org, { email: victim.email }), ORIGIN);
    expect(refusalOf(res)).toBe("/login?error=SsoDomainNotClaimed");
    const stranger = await finishSsoSignIn(identityFor(b.org, { email: "someone@elsewhere.example" }), ORIGIN);
    expect(refusalOf(stranger)).toBe("/login?error=SsoDomainNotClaimed");
    // Why, in detail, is for the server log only.
    expect(String(warn.mock.calls.at(-1)?.[0])).toContain("has not claimed the domain of someone@elsewhere.example");

    expect(await db.membership.count({ where: { orgId: b.org.id } })).toBe(0);
    expect(await db.ssoIdentity.count({ where: { orgId: b.org.id } })).toBe(0);
    expect(await db.user.count({ where: { email: "someone@elsewhere.example" } })).toBe(0);
  });

  it("refuses, without JIT, a person who is not a member, whether or not they have an account", async () => {
    const sso = await createSsoOrg({ jit: false });
    const outsider = await createTestUser({ email: sso.email("outsider") });

    for (const email of [sso.email("nobody"), outsider.email]) {
      const res = await finishSsoSignIn(identityFor(sso.org, { email }), ORIGIN);
      expect(refusalOf(res)).toBe("/login?error=SsoNoAccount");
    }
    // The refused sign-in left nothing behind: no user, no link to the IdP, no membership.
    expect(await db.user.count({ where: { email: sso.email("nobody") } })).toBe(0);
    expect(await db.ssoIdentity.count({ where: { orgId: sso.org.id } })).toBe(0);
    expect(await db.membership.count({ where: { orgId: sso.org.id } })).toBe(0);
  });

  it("refuses a switched-off connection", async () => {
    const sso = await createSsoOrg({ enabled: false });
    const res = await finishSsoSignIn(identityFor(sso.org, { email: sso.email("ada") }), ORIGIN);
    expect(refusalOf(res)).toBe("/login?error=SsoNotConfigured");
  });

  it("re-applies the mappings at every sign-in: a group that no longer maps takes its team away", async () => {
    const sso = await createSsoOrg();
    const payments = await createTestTeam(sso.org.id);
    const platform = await createTestTeam(sso.org.id);
    const manual = await createTestTeam(sso.org.id);
    await db.ssoGroupMapping.createMany({
      data: [
        { orgId: sso.org.id, groupName: "payments", teamId: payments.id, teamRole: "admin", position: 0 },
        { orgId: sso.org.id, groupName: "platform", teamId: platform.id, teamRole: "viewer", position: 1 },
        { orgId: sso.org.id, groupName: "k8s-admins", orgRole: "admin", position: 2 },
      ],
    });
    const email = sso.email("linus");
    const first = await finishSsoSignIn(identityFor(sso.org, { email, groups: ["payments", "k8s-admins"] }), ORIGIN);
    const userId = (await consumeSsoTicket(ticketOf(first)))!.id;
    await addTeamMember(sso.org.id, manual.id, userId, "viewer");
    expect(await teamRolesOf(sso.org.id, userId)).toEqual({
      [payments.slug]: "admin",
      [manual.slug]: "viewer",
    });

    await finishSsoSignIn(identityFor(sso.org, { email, groups: ["platform"] }), ORIGIN);

    // Managed memberships follow the groups; the one added by hand stays.
    expect(await teamRolesOf(sso.org.id, userId)).toEqual({ [platform.slug]: "viewer", [manual.slug]: "viewer" });
    expect((await db.membership.findFirstOrThrow({ where: { orgId: sso.org.id, userId } })).role).toBe("member");
    const synced = await db.auditLog.findFirstOrThrow({
      where: { orgId: sso.org.id, action: "member.directory_synced" },
    });
    expect(synced.before).toEqual({ role: "admin", teams: [payments.slug] });
    expect(synced.after).toEqual({ role: "member", teams: [`${platform.slug}: viewer`], via: "oidc" });
  });
});

describe("sign-in tickets", () => {
  it("work once, only with their own secret, and only for a minute", async () => {
    const sso = await createSsoOrg();
    const identity = identityFor(sso.org, { email: sso.email("ticket") });
    const secret = ticketOf(await finishSsoSignIn(identity, ORIGIN));
    const other = ticketOf(await finishSsoSignIn(identity, ORIGIN));

    // Another browser's cookie, or a made-up one, opens nothing of this one.
    expect(await consumeSsoTicket(`${secret.slice(0, -1)}${secret.endsWith("A") ? "B" : "A"}`)).toBeNull();
    expect(await consumeSsoTicket(null)).toBeNull();
    expect(await consumeSsoTicket(secret)).not.toBeNull();
    expect(await consumeSsoTicket(secret)).toBeNull();
    expect(await peekSsoTicket(secret)).toBeNull();

    // A minute later the other one has expired unused.
    await db.ssoSignInTicket.updateMany({
      where: { orgId: sso.org.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await peekSsoTicket(other)).toBeNull();
    expect(await consumeSsoTicket(other)).toBeNull();

    // The worker's housekeeping deletes them.
    const prune = RECURRING_JOBS.find((job) => job.name === "prune-sso-state");
    expect(prune?.cron).toBe("23 * * * *");
    await prune!.run();
    expect(await db.ssoSignInTicket.count({ where: { orgId: sso.org.id } })).toBe(0);
  });

  it("are used by exactly one of two requests racing with the same cookie", async () => {
    const sso = await createSsoOrg();
    const secret = ticketOf(await finishSsoSignIn(identityFor(sso.org, { email: sso.email("race") }), ORIGIN));
    const results = await Promise.all([consumeSsoTicket(secret), consumeSsoTicket(secret), consumeSsoTicket(secret)]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});

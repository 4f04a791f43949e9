import { describe, expect, it } from "vitest";
import { canOrg } from "@/lib/auth/permissions";
import { db } from "@/lib/server/db";
import { addMember, createTestUser } from "@/lib/testing/factories";
import { claimDomain } from "./claim-domain";
import { createSsoTenant } from "./config-testing";
import { isFreeMailDomain } from "./free-mail-domains";
import { removeDomain } from "./remove-domain";
import { saveOidcConnection } from "./save-oidc-connection";
import { setSsoPolicy } from "./set-sso-policy";
import type { TSsoPolicy } from "../schemas";

const POLICY: TSsoPolicy = {
  enabled: false,
  enforced: false,
  jit: true,
  allowIdpInitiated: false,
  sessionHours: null,
  defaultRole: "member",
};

async function connected() {
  const t = await createSsoTenant();
  await saveOidcConnection(t.org.id, t.actor, {
    issuer: "https://login.acme.example",
    clientId: "bumpers",
    clientSecret: "secret",
  });
  const validate = () => db.ssoConnection.update({ where: { orgId: t.org.id }, data: { validatedAt: new Date() } });
  return { ...t, validate };
}

const fieldOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "accepted",
    (err: { details?: { field?: string }; message: string }) => `${err.details?.field ?? "-"}: ${err.message}`,
  );

describe("permission", () => {
  it("lets owners only configure single sign-on", () => {
    expect(canOrg("owner", "org:sso:manage")).toBe(true);
    expect(canOrg("admin", "org:sso:manage")).toBe(false);
    expect(canOrg("member", "org:sso:manage")).toBe(false);
  });
});

describe("setSsoPolicy", () => {
  it("switches on only a validated connection, enforces only with a claimed domain, audits what changed", async () => {
    const t = await connected();
    expect(await fieldOf(setSsoPolicy(t.org.id, t.actor, { ...POLICY, enabled: true }))).toBe(
      "enabled: Validate the configuration before switching single sign-on on.",
    );
    await t.validate();
    expect(await setSsoPolicy(t.org.id, t.actor, { ...POLICY, enabled: true, sessionHours: 8 })).toMatchObject({
      changed: true,
    });
    expect(await fieldOf(setSsoPolicy(t.org.id, t.actor, { ...POLICY, enforced: true }))).toBe(
      "enforced: Switch single sign-on on to enforce it.",
    );
    expect(await fieldOf(setSsoPolicy(t.org.id, t.actor, { ...POLICY, enabled: true, enforced: true }))).toBe(
      "enforced: Claim your email domain first: enforcement applies to its addresses.",
    );
    await claimDomain(t.org.id, t.actor, t.domain);
    await setSsoPolicy(t.org.id, t.actor, { ...POLICY, enabled: true, enforced: true, sessionHours: 8 });
    expect(await db.ssoConnection.findUniqueOrThrow({ where: { orgId: t.org.id } })).toMatchObject({
      enabled: true,
      enforced: true,
      sessionHours: 8,
    });

    const audit = await db.auditLog.findMany({
      where: { orgId: t.org.id, action: "sso.policy_changed" },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.before, a.after])).toEqual([
      [
        { enabled: false, sessionHours: null },
        { enabled: true, sessionHours: 8 },
      ],
      [{ enforced: false }, { enforced: true }],
    ]);
    // The same policy again changes nothing and records nothing.
    expect(
      (await setSsoPolicy(t.org.id, t.actor, { ...POLICY, enabled: true, enforced: true, sessionHours: 8 })).changed,
    ).toBe(false);
    expect(await db.auditLog.count({ where: { orgId: t.org.id, action: "sso.policy_changed" } })).toBe(2);
  });

  it("needs validation again after a change of IdP before enforcing, but keeps other settings editable", async () => {
    const t = await connected();
    await t.validate();
    await claimDomain(t.org.id, t.actor, t.domain);
    await setSsoPolicy(t.org.id, t.actor, { ...POLICY, enabled: true, enforced: true });
    await saveOidcConnection(t.org.id, t.actor, { issuer: "https://new-idp.acme.example", clientId: "bumpers" });
    expect(await db.ssoConnection.findUniqueOrThrow({ where: { orgId: t.org.id } })).toMatchObject({
      enabled: true,
      enforced: false,
      validatedAt: null,
    });
    expect(await fieldOf(setSsoPolicy(t.org.id, t.actor, { ...POLICY, enabled: true, enforced: true }))).toMatch(
      /^enforced: Validate the configuration \(again/,
    );
    expect(await fieldOf(setSsoPolicy(t.org.id, t.actor, { ...POLICY, enabled: true, sessionHours: 24 }))).toBe(
      "accepted",
    );
  });

  it("refuses to enforce without an owner who has a password (the break-glass way in)", async () => {
    const t = await connected();
    await t.validate();
    await claimDomain(t.org.id, t.actor, t.domain);
    await db.user.updateMany({
      where: { memberships: { some: { orgId: t.org.id, role: "owner" } } },
      data: { passwordHash: null },
    });
    expect(await fieldOf(setSsoPolicy(t.org.id, t.actor, { ...POLICY, enabled: true, enforced: true }))).toMatch(
      /^enforced: Enforcing needs at least one owner who has a password/,
    );
  });

  it("bounds the session lifetime to 1–720 hours and wants a saved connection", async () => {
    const t = await connected();
    for (const sessionHours of [0, 721, 1.5]) {
      await expect(setSsoPolicy(t.org.id, t.actor, { ...POLICY, sessionHours })).rejects.toMatchObject({
        name: "ZodError",
      });
    }
    const bare = await createSsoTenant();
    await expect(setSsoPolicy(bare.org.id, bare.actor, POLICY)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("claimDomain and removeDomain", () => {
  it("claims the domain of the owner's own address, audited, and refuses anyone else's domain", async () => {
    const t = await createSsoTenant();
    expect(await claimDomain(t.org.id, t.actor, `  ${t.domain.toUpperCase()} `)).toEqual({ domain: t.domain });
    const row = await db.ssoDomain.findUniqueOrThrow({ where: { domain: t.domain } });
    expect(row).toMatchObject({ orgId: t.org.id, claimedById: t.ssoOwner.id });
    expect(await db.auditLog.findFirst({ where: { orgId: t.org.id, action: "sso.domain_claimed" } })).toMatchObject({
      targetLabel: t.domain,
      actorUserId: t.ssoOwner.id,
    });

    expect(await fieldOf(claimDomain(t.org.id, t.actor, "competitor.example"))).toBe(
      `domain: You can claim only the domain of your own address (${t.domain}). Ask an owner whose address is in competitor.example to claim it.`,
    );
    expect(await fieldOf(claimDomain(t.org.id, t.actor, t.domain))).toBe(
      `domain: ${t.domain} is already claimed by this organization.`,
    );
    expect(await fieldOf(claimDomain(t.org.id, t.actor, "not a domain"))).toBe(
      "domain: Enter a domain like example.com.",
    );
  });

  it("answers a domain of another org with a conflict that does not say which org", async () => {
    const a = await createSsoTenant();
    const b = await createSsoTenant();
    await claimDomain(a.org.id, a.actor, a.domain);
    // An owner of org B whose address is in org A's domain.
    const colleague = await createTestUser({ email: `colleague@${a.domain}` });
    await addMember(b.org.id, colleague.id, "owner");
    const refused = await claimDomain(b.org.id, { userId: colleague.id, label: colleague.email }, a.domain).catch(
      (err: { code: string; message: string }) => err,
    );
    expect(refused).toMatchObject({
      code: "conflict",
      message: `${a.domain} is already claimed by another organization.`,
    });
    expect(JSON.stringify(refused)).not.toContain(a.org.slug);
    expect((refused as { message: string }).message).not.toContain(a.org.name);
  });

  it("refuses free-mail domains, whoever asks", async () => {
    for (const domain of [
      "gmail.com",
      "outlook.com",
      "hotmail.com",
      "yahoo.com",
      "icloud.com",
      "proton.me",
      "protonmail.com",
      "gmx.de",
      "gmx.net",
      "aol.com",
      "live.com",
      "yahoo.co.uk",
    ]) {
      expect(isFreeMailDomain(domain), domain).toBe(true);
    }
    for (const domain of ["acme.com", "gmx-consulting.de", "example.org", "live-events.io", "mail.acme.com"]) {
      expect(isFreeMailDomain(domain), domain).toBe(false);
    }
    const t = await createSsoTenant();
    const gmailOwner = await createTestUser({ email: `someone.${t.domain.split(".")[0]}@gmail.com` });
    await addMember(t.org.id, gmailOwner.id, "owner");
    expect(await fieldOf(claimDomain(t.org.id, { userId: gmailOwner.id, label: gmailOwner.email }, "gmail.com"))).toBe(
      "domain: gmail.com is a public email service: anyone can have an address there, so it cannot be claimed.",
    );
  });

  it("removes a domain, audited, but not the last one of an enforced connection", async () => {
    const t = await connected();
    await claimDomain(t.org.id, t.actor, t.domain);
    await t.validate();
    await setSsoPolicy(t.org.id, t.actor, { ...POLICY, enabled: true, enforced: true });
    await expect(removeDomain(t.org.id, t.actor, t.domain)).rejects.toMatchObject({
      code: "conflict",
      message: "This is the last claimed domain of an enforced connection: switch enforcement off first.",
    });
    await setSsoPolicy(t.org.id, t.actor, { ...POLICY, enabled: true });
    await removeDomain(t.org.id, t.actor, t.domain);
    expect(await db.ssoDomain.count({ where: { orgId: t.org.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { orgId: t.org.id, action: "sso.domain_removed" } })).toBe(1);
    await expect(removeDomain(t.org.id, t.actor, t.domain)).rejects.toMatchObject({ code: "not_found" });
  });

  it("cannot remove another org's domain", async () => {
    const a = await createSsoTenant();
    const b = await createSsoTenant();
    await claimDomain(a.org.id, a.actor, a.domain);
    await expect(removeDomain(b.org.id, b.actor, a.domain)).rejects.toMatchObject({ code: "not_found" });
    expect(await db.ssoDomain.count({ where: { domain: a.domain } })).toBe(1);
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/server/db";
import { resetEnvCache } from "@/lib/server/env";
import { createTestTenant, createTestUser, uniqueSuffix } from "@/lib/testing/factories";
import { confirmSignUp, getSignUpRequestForLink, requestSignUp } from "./sign-up";
import { ZSignUp } from "./schemas";

const ORIGIN = "https://bumpers.test";
const context = () => ({ clientIp: `192.0.2.${uniqueSuffix()}`, origin: ORIGIN });

const input = (overrides: Partial<Record<"email" | "orgSlug", string>> = {}) => {
  const s = uniqueSuffix();
  return ZSignUp.parse({
    name: "Sam Example",
    email: `Sam-${s}@Test-${s}.Example`,
    password: "a long enough password",
    orgName: `Example ${s}`,
    orgSlug: `example-${s}`,
    ...overrides,
  });
};

/** The mails the log transport wrote while `run` ran. */
async function mailsDuring(run: () => Promise<unknown>): Promise<string[]> {
  const info = vi.spyOn(console, "info").mockImplementation(() => {});
  try {
    await run();
    return info.mock.calls.map((c) => String(c[0])).filter((line) => line.startsWith("[mail]"));
  } finally {
    info.mockRestore();
  }
}

const secretOf = (mailLine: string) => /link="[^"]*\/signup\/confirm\/([A-Za-z0-9_-]{43})"/.exec(mailLine)?.[1];

afterEach(() => {
  delete process.env.BUMPERS_RATE_LIMIT_SIGNUP_DOMAIN_PER_HOUR;
  delete process.env.BUMPERS_RATE_LIMIT_SIGNUP_PER_HOUR;
  resetEnvCache();
});

describe("sign-up with a confirmed email address", () => {
  it("creates nothing until the mailed link is opened with the chosen password, then the account, the org and its owner", async () => {
    const data = input();
    const mails = await mailsDuring(() => requestSignUp(data, context()));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toContain(`to="${data.email}"`);
    const secret = secretOf(mails[0]);
    expect(secret).toBeDefined();
    expect(await db.user.findUnique({ where: { email: data.email } })).toBeNull();
    expect(await db.organization.findUnique({ where: { slug: data.orgSlug } })).toBeNull();
    expect(await getSignUpRequestForLink(secret!)).toEqual({
      status: "pending",
      email: data.email,
      orgName: data.orgName,
    });

    await expect(confirmSignUp(secret!, "not the password")).rejects.toMatchObject({
      code: "bad_request",
      details: { field: "password" },
    });
    expect(await db.user.findUnique({ where: { email: data.email } })).toBeNull();

    expect(await confirmSignUp(secret!, data.password)).toEqual({ email: data.email, orgSlug: data.orgSlug });
    const user = await db.user.findUniqueOrThrow({ where: { email: data.email } });
    const org = await db.organization.findUniqueOrThrow({ where: { slug: data.orgSlug } });
    const membership = await db.membership.findUniqueOrThrow({
      where: { orgId_userId: { orgId: org.id, userId: user.id } },
    });
    expect(membership.role).toBe("owner");
    expect(await db.auditLog.count({ where: { orgId: org.id, action: "org.created" } })).toBe(1);

    // The link works once.
    await expect(confirmSignUp(secret!, data.password)).rejects.toMatchObject({ code: "not_found" });
    expect(await getSignUpRequestForLink(secret!)).toEqual({ status: "invalid" });
  });

  it("answers an address that has an account exactly like a new one, mailing it a notice without a link", async () => {
    const existing = await createTestUser();
    const data = input({ email: existing.email });
    let result: unknown = "not called";
    const mails = await mailsDuring(async () => {
      result = await requestSignUp(data, context());
    });
    expect(result).toBeUndefined();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toContain(`to="${existing.email}"`);
    expect(mails[0]).not.toContain("link=");
    expect(await db.signUpRequest.count({ where: { email: existing.email } })).toBe(0);
    expect(await db.organization.findUnique({ where: { slug: data.orgSlug } })).toBeNull();
    const after = await db.user.findUniqueOrThrow({ where: { id: existing.id } });
    expect(after.name).toBe(existing.name);
  });

  it("refuses an expired link", async () => {
    const data = input();
    const secret = secretOf((await mailsDuring(() => requestSignUp(data, context())))[0])!;
    await db.signUpRequest.updateMany({
      where: { email: data.email },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expect(confirmSignUp(secret, data.password)).rejects.toMatchObject({ code: "not_found" });
    expect(await db.user.findUnique({ where: { email: data.email } })).toBeNull();
  });

  it("refuses a taken org URL on the form, and creates the account without an org when it was taken since", async () => {
    const { org } = await createTestTenant();
    await expect(requestSignUp(input({ orgSlug: org.slug }), context())).rejects.toMatchObject({
      code: "conflict",
      details: { field: "orgSlug" },
    });

    const data = input();
    const secret = secretOf((await mailsDuring(() => requestSignUp(data, context())))[0])!;
    await db.organization.create({ data: { slug: data.orgSlug, name: "Taken meanwhile" } });
    expect(await confirmSignUp(secret, data.password)).toEqual({ email: data.email, orgSlug: null });
    const user = await db.user.findUniqueOrThrow({ where: { email: data.email } });
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(0);
  });

  it("limits sign-ups per client address and per email domain", async () => {
    process.env.BUMPERS_RATE_LIMIT_SIGNUP_PER_HOUR = "2";
    process.env.BUMPERS_RATE_LIMIT_SIGNUP_DOMAIN_PER_HOUR = "3";
    resetEnvCache();
    const ctx = context();
    await mailsDuring(async () => {
      await requestSignUp(input(), ctx);
      await requestSignUp(input(), ctx);
      await expect(requestSignUp(input(), ctx)).rejects.toMatchObject({ code: "rate_limited" });
      // Another address is not held back by this one.
      await requestSignUp(input(), context());

      const domain = `burst-${uniqueSuffix()}.example`;
      const fromDomain = () => input({ email: `p-${uniqueSuffix()}@${domain}` });
      for (let i = 0; i < 3; i++) await requestSignUp(fromDomain(), context());
      await expect(requestSignUp(fromDomain(), context())).rejects.toMatchObject({ code: "rate_limited" });
    });
  });

  it("validates the form with field errors", () => {
    const result = ZSignUp.safeParse({ name: "", email: "nope", password: "short", orgName: "A", orgSlug: "-bad-" });
    expect(result.success).toBe(false);
    const fields = new Set(result.error!.issues.map((i) => i.path[0]));
    expect(fields).toEqual(new Set(["name", "email", "password", "orgName", "orgSlug"]));
  });
});

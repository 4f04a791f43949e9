import bcrypt from "bcryptjs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { env, resetEnvCache } from "@/lib/server/env";
import { createTestUser, uniqueSuffix } from "@/lib/testing/factories";
import { authorizeCredentials } from "./authorize-credentials";
import { hashPassword } from "./passwords";
import { SignInThrottledError } from "./sign-in-throttle";
import { unlockSignIn } from "./sign-in-unlock";

// Calls through to the real bcrypt; the tests count the comparisons.
vi.mock("bcryptjs", async (importOriginal) => {
  const real = (await importOriginal<{ default: typeof bcrypt }>()).default;
  return { default: { ...real, compare: vi.fn(real.compare) } };
});

const PASSWORD = "correct horse battery";
const ORIGIN = "https://bumpers.test";
const address = () => `203.0.113.${uniqueSuffix()}`;

async function userWithPassword() {
  return createTestUser({ passwordHash: await hashPassword(PASSWORD) });
}

afterEach(() => {
  delete process.env.BUMPERS_SIGNIN_ACCOUNT_MAX_FAILURES;
  resetEnvCache();
  vi.restoreAllMocks();
});

describe("email and password sign-in", () => {
  it("accepts the right pair, case-insensitively on the email", async () => {
    const user = await userWithPassword();
    const result = await authorizeCredentials({ email: user.email.toUpperCase(), password: PASSWORD }, null);
    expect(result).toEqual({ id: user.id, email: user.email, name: user.name });
  });

  it("refuses a wrong password, an unknown email and malformed input without saying which", async () => {
    const user = await userWithPassword();
    expect(await authorizeCredentials({ email: user.email, password: "wrong password" }, null)).toBeNull();
    expect(
      await authorizeCredentials({ email: `nobody-${uniqueSuffix()}@test.example`, password: PASSWORD }, null),
    ).toBeNull();
    expect(await authorizeCredentials({ email: "not an email", password: PASSWORD }, null)).toBeNull();
    expect(await authorizeCredentials(undefined, null)).toBeNull();
  });

  it("runs one bcrypt comparison at the real cost for unknown and password-less accounts too", async () => {
    const compare = vi.mocked(bcrypt.compare);
    const withPassword = await userWithPassword();
    const oauthOnly = await createTestUser({ passwordHash: null });
    for (const email of [withPassword.email, oauthOnly.email, `nobody-${uniqueSuffix()}@test.example`]) {
      compare.mockClear();
      expect(await authorizeCredentials({ email, password: "wrong password" }, address())).toBeNull();
      expect(compare, email).toHaveBeenCalledTimes(1);
      expect(bcrypt.getRounds(String(compare.mock.calls[0][1]))).toBe(env().BUMPERS_BCRYPT_COST);
    }
  });

  it("locks an account after 5 failures from one address, even with the right password, but not from another", async () => {
    const user = await userWithPassword();
    const attacker = address();
    for (let i = 0; i < 5; i++) {
      expect(await authorizeCredentials({ email: user.email, password: `wrong-${i}` }, attacker)).toBeNull();
    }
    const attempt = authorizeCredentials({ email: user.email, password: PASSWORD }, attacker);
    await expect(attempt).rejects.toBeInstanceOf(SignInThrottledError);
    await expect(authorizeCredentials({ email: user.email, password: PASSWORD }, attacker)).rejects.toThrow(
      /Too many failed sign-ins\. Try again in \d+ minutes?\./,
    );
    // The owner, elsewhere, still signs in: failing on purpose does not lock them out.
    expect(await authorizeCredentials({ email: user.email, password: PASSWORD }, address())).not.toBeNull();
  });

  it("resets an address's count after a successful sign-in from it", async () => {
    const user = await userWithPassword();
    const ip = address();
    for (let i = 0; i < 4; i++) await authorizeCredentials({ email: user.email, password: "nope-nope" }, ip);
    expect(await authorizeCredentials({ email: user.email, password: PASSWORD }, ip)).not.toBeNull();
    for (let i = 0; i < 4; i++) await authorizeCredentials({ email: user.email, password: "nope-nope" }, ip);
    expect(await authorizeCredentials({ email: user.email, password: PASSWORD }, ip)).not.toBeNull();
  });

  it("without a known client address (no trusted proxy), a few failures lock nobody out", async () => {
    // Every request then looks alike: a per-address lock would be a per-account lock anyone can trip.
    const user = await userWithPassword();
    for (let i = 0; i < 12; i++) {
      expect(await authorizeCredentials({ email: user.email, password: `wrong-${i}` }, null)).toBeNull();
    }
    expect(await authorizeCredentials({ email: user.email, password: PASSWORD }, null)).not.toBeNull();
  });

  it("throttles one client address spraying many accounts", async () => {
    const ip = address();
    for (let i = 0; i < 20; i++) {
      await authorizeCredentials({ email: `spray-${uniqueSuffix()}@test.example`, password: "guess-guess" }, ip);
    }
    const user = await userWithPassword();
    await expect(authorizeCredentials({ email: user.email, password: PASSWORD }, ip)).rejects.toBeInstanceOf(
      SignInThrottledError,
    );
    expect(await authorizeCredentials({ email: user.email, password: PASSWORD }, address())).not.toBeNull();
  });

  it("locks the account everywhere at the account-wide ceiling and mails one single-use unlock link", async () => {
    process.env.BUMPERS_SIGNIN_ACCOUNT_MAX_FAILURES = "12";
    resetEnvCache();
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    const user = await userWithPassword();
    // 4 addresses × 3 failures: no single address reaches its own limit of 5.
    for (let a = 0; a < 4; a++) {
      const ip = address();
      for (let i = 0; i < 3; i++) {
        await authorizeCredentials({ email: user.email, password: `wrong-${i}` }, ip, ORIGIN);
      }
    }
    await expect(authorizeCredentials({ email: user.email, password: PASSWORD }, address())).rejects.toThrow(
      /Use the unlock link sent to its email address/,
    );
    const mails = info.mock.calls.map((c) => String(c[0])).filter((l) => l.startsWith("[mail]"));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toContain(`to="${user.email}"`);
    const secret = /link="https:\/\/bumpers\.test\/unlock\/([A-Za-z0-9_-]{43})"/.exec(mails[0])?.[1];
    expect(secret).toBeDefined();

    await unlockSignIn(secret!);
    expect(await authorizeCredentials({ email: user.email, password: PASSWORD }, address())).not.toBeNull();
    await expect(unlockSignIn(secret!)).rejects.toMatchObject({ code: "not_found" });
  });

  it("answers an unknown email at the ceiling like a real one, and mails nobody", async () => {
    process.env.BUMPERS_SIGNIN_ACCOUNT_MAX_FAILURES = "6";
    resetEnvCache();
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    const email = `nobody-${uniqueSuffix()}@test.example`;
    for (let a = 0; a < 3; a++) {
      const ip = address();
      for (let i = 0; i < 2; i++) await authorizeCredentials({ email, password: "wrong-wrong" }, ip, ORIGIN);
    }
    await expect(authorizeCredentials({ email, password: PASSWORD }, address())).rejects.toThrow(
      /Use the unlock link sent to its email address/,
    );
    expect(info.mock.calls.filter((c) => String(c[0]).startsWith("[mail]"))).toEqual([]);
  });
});

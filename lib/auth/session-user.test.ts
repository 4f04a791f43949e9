import type { Account, Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { createTestUser } from "@/lib/testing/factories";
import { authOptions } from "./options";
import { revokeUserSessions, sessionUserFor } from "./session-user";

// The guards' own user loading (lib/auth/session.ts) is replaced by signInAs() in tests; this
// drives what it does with a real cookie: next-auth's jwt callback at sign-in, its session
// callback on a later request, then the version check against the database.

const credentials = { provider: "credentials", type: "credentials", providerAccountId: "x" } as Account;

type TCallbacks = Required<NonNullable<ReturnType<typeof authOptions>["callbacks"]>>;
const callbacks = () => authOptions().callbacks as TCallbacks;

async function signInToken(user: { id: string; email: string; name: string }): Promise<JWT> {
  const params = { token: { sub: user.id }, user: { ...user }, account: credentials };
  return callbacks().jwt(params as Parameters<TCallbacks["jwt"]>[0]);
}

async function userOfRequest(token: JWT) {
  // A later request: next-auth decodes the cookie and runs both callbacks without `user`/`account`.
  const decoded = await callbacks().jwt({ token } as Parameters<TCallbacks["jwt"]>[0]);
  const params = { session: { expires: "" } as Session, token: decoded };
  const session = (await callbacks().session(params as Parameters<TCallbacks["session"]>[0])) as Session;
  return sessionUserFor(session.user);
}

const PASSWORD = { method: "password", ssoOrgId: null } as const;

describe("session revocation", () => {
  it("refuses a session issued before 'sign out everywhere', and accepts the next sign-in", async () => {
    const user = await createTestUser();
    const before = await signInToken(user);
    expect(await userOfRequest(before)).toEqual({ id: user.id, email: user.email, name: user.name, signIn: PASSWORD });

    await revokeUserSessions(user.id);
    expect(await userOfRequest(before)).toBeNull();

    const after = await signInToken(user);
    expect(await userOfRequest(after)).toEqual({ id: user.id, email: user.email, name: user.name, signIn: PASSWORD });
    // Revoking again ends that one too, and the old one stays dead.
    await revokeUserSessions(user.id);
    expect(await userOfRequest(after)).toBeNull();
    expect(await userOfRequest(before)).toBeNull();
  });

  it("accepts a cookie from before session versions until the first revocation", async () => {
    const user = await createTestUser();
    const legacy: JWT = { sub: user.id };
    expect(await userOfRequest(legacy)).not.toBeNull();
    await revokeUserSessions(user.id);
    expect(await userOfRequest(legacy)).toBeNull();
  });

  it("lasts 12 hours by default, renewed on visits", () => {
    expect(authOptions().session?.maxAge).toBe(12 * 60 * 60);
  });
});

import type { Account, Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { finishSsoSignIn } from "@/lib/sso/sign-in/finish";
import { createSsoOrg, identityFor, ticketOf } from "@/lib/sso/sign-in/sign-in-testing";
import { createTestUser } from "@/lib/testing/factories";
import { authOptions } from "./options";
import { sessionUserFor, ssoSessionExpired } from "./session-user";
import { clearSsoTicketAfterUse } from "./sso-ticket-response";

// next-auth's "sso" provider and the session it opens, driven like next-auth drives them: the
// provider's authorize with the request's headers, the jwt callback at sign-in, then the jwt and
// session callbacks of a later request and the per-request user check.

type TCallbacks = Required<NonNullable<ReturnType<typeof authOptions>["callbacks"]>>;
type TAuthorize = (
  credentials: unknown,
  req: { headers: Record<string, string> },
) => Promise<Record<string, unknown> | null>;

const callbacks = () => authOptions().callbacks as TCallbacks;
const account = (provider: string) =>
  ({ provider, type: provider === "github" ? "oauth" : "credentials", providerAccountId: "x" }) as Account;

function ssoAuthorize(): TAuthorize {
  const provider = authOptions().providers.find((p) => (p as { options?: { id?: string } }).options?.id === "sso");
  return (provider as unknown as { options: { authorize: TAuthorize } }).options.authorize;
}

const authorizeWithCookie = (cookie: string | null) => ssoAuthorize()({}, { headers: cookie ? { cookie } : {} });

async function signInToken(user: Record<string, unknown>, provider: string): Promise<JWT> {
  const params = { token: { sub: String(user.id) }, user, account: account(provider) };
  return callbacks().jwt(params as unknown as Parameters<TCallbacks["jwt"]>[0]);
}

async function userOfRequest(token: JWT) {
  const decoded = await callbacks().jwt({ token } as Parameters<TCallbacks["jwt"]>[0]);
  const params = { session: { expires: "" } as Session, token: decoded };
  const session = (await callbacks().session(params as Parameters<TCallbacks["session"]>[0])) as Session;
  return sessionUserFor(session.user);
}

async function ssoTicket(sessionHours: number | null = null) {
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
  const sso = await createSsoOrg({ sessionHours });
  const res = await finishSsoSignIn(identityFor(sso.org, { email: sso.email("pat") }), "https://bumpers.test");
  return { sso, secret: ticketOf(res) };
}

afterEach(() => vi.restoreAllMocks());

describe("the sso provider", () => {
  it("uses the ticket in the request's cookie once, and refuses a missing or wrong cookie", async () => {
    const { sso, secret } = await ssoTicket();
    expect(await authorizeWithCookie(null)).toBeNull();
    expect(await authorizeWithCookie(`bumpers-sso-ticket=${"x".repeat(43)}`)).toBeNull();
    expect(await authorizeWithCookie(`bumpers-sso-ticket=not-a-ticket`)).toBeNull();

    const user = await authorizeWithCookie(`theme=dark; bumpers-sso-ticket=${secret}; other=1`);
    expect(user).toMatchObject({ email: sso.email("pat"), ssoOrgId: sso.org.id, ssoUntil: null });
    expect(await authorizeWithCookie(`bumpers-sso-ticket=${secret}`)).toBeNull();
  });

  it("clears the ticket cookie on next-auth's answer to the sso callback, and leaves other answers alone", async () => {
    const answer = () => new Response(JSON.stringify({ url: "/" }), { status: 200, headers: { "x-kept": "1" } });
    const callback = new Request("https://bumpers.test/api/auth/callback/sso", { method: "POST" });
    const cleared = clearSsoTicketAfterUse(callback, answer());
    expect(cleared.headers.get("set-cookie")).toMatch(
      /^bumpers-sso-ticket=; Path=\/; HttpOnly; SameSite=Lax; Secure; Max-Age=0$/,
    );
    expect(cleared.headers.get("x-kept")).toBe("1");
    expect(await cleared.json()).toEqual({ url: "/" });

    const password = new Request("https://bumpers.test/api/auth/callback/credentials", { method: "POST" });
    expect(clearSsoTicketAfterUse(password, answer()).headers.get("set-cookie")).toBeNull();
  });
});

describe("how a session was opened", () => {
  it("is recorded in a minimal JWT and read back on every request", async () => {
    const { sso, secret } = await ssoTicket(4);
    const user = (await authorizeWithCookie(`bumpers-sso-ticket=${secret}`))!;
    const token = await signInToken(user, "sso");
    expect(
      Object.keys(token)
        .filter((k) => token[k] !== undefined)
        .sort(),
    ).toEqual(["amr", "sso", "sub", "sv"]);
    expect(token).toMatchObject({ amr: "sso", sso: { org: sso.org.id, until: user.ssoUntil } });
    expect((await userOfRequest(token))?.signIn).toEqual({ method: "sso", ssoOrgId: sso.org.id });

    const person = await createTestUser();
    expect((await userOfRequest(await signInToken(person, "credentials")))?.signIn).toEqual({
      method: "password",
      ssoOrgId: null,
    });
    expect((await userOfRequest(await signInToken(person, "github")))?.signIn).toEqual({
      method: "oauth",
      ssoOrgId: null,
    });
    // A cookie issued before this was recorded.
    expect((await userOfRequest({ sub: person.id }))?.signIn).toEqual({ method: "unknown", ssoOrgId: null });
  });

  it("ends an SSO session once the org's session lifetime has passed", async () => {
    const { sso, secret } = await ssoTicket(1);
    const user = (await authorizeWithCookie(`bumpers-sso-ticket=${secret}`))!;
    const token = await signInToken(user, "sso");
    expect(await userOfRequest(token)).not.toBeNull();

    const expired: JWT = { ...token, sso: { org: sso.org.id, until: Math.floor(Date.now() / 1000) - 1 } };
    expect(await userOfRequest(expired)).toBeNull();
    expect(ssoSessionExpired({ amr: "sso", sso: { org: sso.org.id, until: null } })).toBe(false);
    // `until` belongs to SSO sessions; a password session never carries one that counts.
    expect(ssoSessionExpired({ amr: "password", sso: { org: sso.org.id, until: 1 } })).toBe(false);
  });
});

import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { sha256Hex } from "@/lib/server/crypto";
import { obtainIdToken, signInAtIdp } from "@/lib/testing/oidc-sign-in";
import { uniqueSuffix } from "@/lib/testing/factories";
import { ssoEndpoints } from "../connections";
import { acceptOnce } from "../requests";
import { verifyOidcCallback } from "./callback";
import { ADA, UNVERIFIED, orgWithOidc, fakeIdpsForFile, type TTestConnection } from "./oidc-test-helpers";
import { startOidcSignIn } from "./start";

// The whole code flow against a real OpenID Connect provider over HTTP: what a good answer gives,
// and every way a forged, replayed, misdirected or stale answer is refused.

const ORIGIN = "http://bumpers.test";
const [idp, otherIdp] = fakeIdpsForFile(2);

async function signIn(
  conn: TTestConnection,
  person: { email: string; password?: string } = ADA,
  tweakUrl: (url: URL) => void = () => {},
) {
  const started = await startOidcSignIn(conn, { callbackUrl: "/o/acme/findings", origin: ORIGIN });
  const authorizationUrl = new URL(started.authorizationUrl);
  tweakUrl(authorizationUrl);
  const back = await signInAtIdp(authorizationUrl, person);
  return { ...started, authorizationUrl, back };
}

const verify = (conn: TTestConnection, back: URL, browserSecret: string | null) =>
  verifyOidcCallback(conn, { currentUrl: back, browserSecret, origin: ORIGIN });

describe("OIDC sign-in against a real provider", () => {
  it("returns the person, their groups and where to go", async () => {
    const conn = await orgWithOidc(idp, ORIGIN);
    const { back, browserSecret } = await signIn(conn);
    expect(back.href.startsWith(ssoEndpoints(ORIGIN, conn.org.slug).oidcRedirectUri + "?")).toBe(true);

    const identity = await verify(conn, back, browserSecret);

    expect(identity).toEqual({
      orgId: conn.org.id,
      protocol: "oidc",
      subject: ADA.sub,
      email: "ada@acme.example",
      name: ADA.name,
      groups: ["k8s-payments-admins", "everyone"],
      callbackUrl: "/o/acme/findings",
    });
  });

  it("asks with PKCE S256, state and nonce, keeping the verifier and the nonce server-side", async () => {
    const conn = await orgWithOidc(idp, ORIGIN);
    const { authorizationUrl, browserSecret } = await startOidcSignIn(conn, { callbackUrl: "/", origin: ORIGIN });
    const params = new URL(authorizationUrl).searchParams;
    const stored = await db.ssoRequest.findUniqueOrThrow({ where: { id: params.get("state")! } });

    expect(params.get("code_challenge_method")).toBe("S256");
    expect(params.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(params.get("redirect_uri")).toBe(`${ORIGIN}/api/sso/${conn.org.slug}/oidc/callback`);
    expect(params.get("scope")).toBe("openid email profile");
    expect(params.get("nonce")).toBe(stored.nonce);
    expect(stored).toMatchObject({ orgId: conn.org.id, protocol: "oidc", browserHash: sha256Hex(browserSecret) });
    expect(authorizationUrl).not.toContain(stored.codeVerifier!);
    expect(authorizationUrl).not.toContain(browserSecret);
  });

  it("reads the groups as the IdP has them at each sign-in", async () => {
    const conn = await orgWithOidc(idp, ORIGIN);
    const first = await signIn(conn);
    expect((await verify(conn, first.back, first.browserSecret)).groups).toContain("k8s-payments-admins");

    idp.setUserGroups(ADA.sub, ["k8s-checkout-viewers"]);
    try {
      const second = await signIn(conn);
      expect((await verify(conn, second.back, second.browserSecret)).groups).toEqual(["k8s-checkout-viewers"]);
    } finally {
      idp.setUserGroups(ADA.sub, ADA.groups);
    }
  });

  it("refuses a person whose IdP says the email is not verified", async () => {
    const conn = await orgWithOidc(idp, ORIGIN);
    const { back, browserSecret } = await signIn(conn, UNVERIFIED);
    await expect(verify(conn, back, browserSecret)).rejects.toMatchObject({
      reason: "SsoInvalidResponse",
      detail: expect.stringContaining("not verified"),
    });
  });
});

describe("OIDC answers that are refused", () => {
  it("refuses a state no sign-in was started with", async () => {
    const conn = await orgWithOidc(idp, ORIGIN);
    const { back, browserSecret } = await signIn(conn);
    back.searchParams.set("state", `_${uniqueSuffix()}`);
    await expect(verify(conn, back, browserSecret)).rejects.toMatchObject({ reason: "SsoExpired" });
  });

  it("refuses the same answer twice (a replayed code)", async () => {
    const conn = await orgWithOidc(idp, ORIGIN);
    const { back, browserSecret } = await signIn(conn);
    await verify(conn, back, browserSecret);
    await expect(verify(conn, back, browserSecret)).rejects.toMatchObject({
      reason: "SsoReplayed",
      detail: expect.stringContaining("already completed"),
    });
  });

  it("refuses an answer carried to another browser, and one without the cookie", async () => {
    const conn = await orgWithOidc(idp, ORIGIN);
    const { back, browserSecret } = await signIn(conn);

    // No cookie: refused, and the sign-in is left for the browser that started it.
    await expect(verify(conn, back, null)).rejects.toMatchObject({ reason: "SsoExpired" });
    const other = await signIn(conn);
    await expect(verify(conn, other.back, browserSecret)).rejects.toMatchObject({
      reason: "SsoReplayed",
      detail: expect.stringContaining("a browser other than the one"),
    });
    // The first answer still works in its own browser.
    expect((await verify(conn, back, browserSecret)).subject).toBe(ADA.sub);
  });

  it("refuses an answer after the sign-in's time limit", async () => {
    const conn = await orgWithOidc(idp, ORIGIN);
    const { back, browserSecret } = await signIn(conn);
    await db.ssoRequest.update({
      where: { id: back.searchParams.get("state")! },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expect(verify(conn, back, browserSecret)).rejects.toMatchObject({
      reason: "SsoExpired",
      detail: expect.stringContaining("time limit"),
    });
  });

  it("never lets one org's sign-in finish at another org's callback", async () => {
    const acme = await orgWithOidc(idp, ORIGIN);
    const globex = await orgWithOidc(idp, ORIGIN);
    const { back, browserSecret } = await signIn(acme);
    await expect(verify(globex, back, browserSecret)).rejects.toMatchObject({
      reason: "SsoExpired",
      detail: expect.stringContaining(globex.org.slug),
    });
    // Nothing was spent: the right org still accepts it.
    expect((await verify(acme, back, browserSecret)).orgId).toBe(acme.org.id);
  });

  it("refuses an ID token issued to another client (wrong audience)", async () => {
    const conn = await orgWithOidc(idp, ORIGIN);
    const neighbour = await orgWithOidc(idp, ORIGIN);
    const { back, browserSecret, authorizationUrl } = await signIn(conn);
    // A token the same IdP really issued, with our nonce, for another application.
    const foreign = await obtainIdToken(idp.issuer, neighbour.client, ADA, authorizationUrl.searchParams.get("nonce")!);
    expect(decodeJwt(foreign).aud).toBe(neighbour.client.clientId);
    idp.rewriteNextTokenResponse((answer) => ({ ...answer, id_token: foreign }));

    await expect(verify(conn, back, browserSecret)).rejects.toMatchObject({
      reason: "SsoInvalidResponse",
      detail: expect.stringContaining('"aud"'),
    });
  });

  it("refuses an ID token from another provider (wrong issuer)", async () => {
    const conn = await orgWithOidc(idp, ORIGIN);
    const { back, browserSecret, authorizationUrl } = await signIn(conn);
    // The same client id and secret registered at a second IdP, which issues a token with our nonce.
    otherIdp.addClient(conn.client);
    const foreign = await obtainIdToken(otherIdp.issuer, conn.client, ADA, authorizationUrl.searchParams.get("nonce")!);
    expect(decodeJwt(foreign).iss).toBe(otherIdp.issuer);
    idp.rewriteNextTokenResponse((answer) => ({ ...answer, id_token: foreign }));

    await expect(verify(conn, back, browserSecret)).rejects.toMatchObject({
      reason: "SsoInvalidResponse",
      detail: expect.stringContaining('"iss"'),
    });
  });

  it("refuses an expired ID token, even one the provider signed", async () => {
    const conn = await orgWithOidc(idp, ORIGIN);
    const { back, browserSecret } = await signIn(conn);
    idp.rewriteNextTokenResponse(async (answer) => {
      const now = Math.floor(Date.now() / 1000);
      const claims = { ...decodeJwt(answer.id_token!), iat: now - 7200, exp: now - 3600 };
      return { ...answer, id_token: await idp.signIdToken(claims) };
    });
    await expect(verify(conn, back, browserSecret)).rejects.toMatchObject({
      reason: "SsoExpired",
      detail: expect.stringContaining('"exp"'),
    });
  });

  it("refuses an ID token whose claims were changed after signing", async () => {
    const conn = await orgWithOidc(idp, ORIGIN);
    const { back, browserSecret } = await signIn(conn);
    idp.rewriteNextTokenResponse((answer) => {
      const [header, , signature] = answer.id_token!.split(".");
      const claims = { ...decodeJwt(answer.id_token!), email: "mallory@acme.example" };
      const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
      return { ...answer, id_token: `${header}.${payload}.${signature}` };
    });
    await expect(verify(conn, back, browserSecret)).rejects.toMatchObject({
      reason: "SsoInvalidResponse",
      detail: expect.stringContaining("signature"),
    });
  });

  it("refuses an ID token with another nonce", async () => {
    const conn = await orgWithOidc(idp, ORIGIN);
    const { back, browserSecret } = await signIn(conn, ADA, (url) => url.searchParams.set("nonce", "attacker-nonce"));
    await expect(verify(conn, back, browserSecret)).rejects.toMatchObject({
      reason: "SsoInvalidResponse",
      detail: expect.stringContaining("nonce"),
    });
  });

  it("refuses an ID token that was already accepted once", async () => {
    const conn = await orgWithOidc(idp, ORIGIN);
    const { back, browserSecret } = await signIn(conn);
    // As if this very token had signed someone in before.
    idp.rewriteNextTokenResponse(async (answer) => {
      await acceptOnce(conn.org.id, `oidc:${sha256Hex(answer.id_token!)}`, new Date(Date.now() + 3_600_000));
      return answer;
    });
    await expect(verify(conn, back, browserSecret)).rejects.toMatchObject({ reason: "SsoReplayed" });
  });

  it("refuses a code redeemed without the sign-in's PKCE verifier", async () => {
    const conn = await orgWithOidc(idp, ORIGIN);
    const { back, browserSecret } = await signIn(conn);
    await db.ssoRequest.update({
      where: { id: back.searchParams.get("state")! },
      data: { codeVerifier: "x".repeat(43) },
    });
    await expect(verify(conn, back, browserSecret)).rejects.toMatchObject({
      reason: "SsoInvalidResponse",
      detail: expect.stringContaining("invalid_grant"),
    });
  });

  it("refuses the provider's error answer (the person cancelled) and spends the sign-in", async () => {
    const conn = await orgWithOidc(idp, ORIGIN);
    const { authorizationUrl, browserSecret } = await startOidcSignIn(conn, { callbackUrl: "/", origin: ORIGIN });
    const back = await signInAtIdp(authorizationUrl, { cancel: true });
    expect(back.searchParams.get("error")).toBe("access_denied");

    await expect(verify(conn, back, browserSecret)).rejects.toMatchObject({
      reason: "SsoInvalidResponse",
      detail: expect.stringContaining("refused the sign-in: access_denied"),
    });
    await expect(verify(conn, back, browserSecret)).rejects.toMatchObject({ reason: "SsoReplayed" });
  });
});

describe("groups only from userinfo", () => {
  const [quietIdp] = fakeIdpsForFile(1, { groupsInIdToken: false });

  it("reads userinfo once when the ID token has no groups claim", async () => {
    const conn = await orgWithOidc(quietIdp, ORIGIN);
    const { back, browserSecret } = await signIn(conn);
    let idToken = "";
    quietIdp.rewriteNextTokenResponse((answer) => {
      idToken = answer.id_token!;
      return answer;
    });
    const identity = await verify(conn, back, browserSecret);
    expect(decodeJwt(idToken).groups).toBeUndefined();
    expect(identity.groups).toEqual(ADA.groups);
  });
});

describe("the fake provider", () => {
  it("requires PKCE, as Bumpers always sends it", async () => {
    const conn = await orgWithOidc(idp, ORIGIN);
    const { authorizationUrl } = await startOidcSignIn(conn, { callbackUrl: "/", origin: ORIGIN });
    const url = new URL(authorizationUrl);
    url.searchParams.delete("code_challenge");
    url.searchParams.delete("code_challenge_method");
    const back = await signInAtIdp(url, ADA);
    expect(back.searchParams.get("error")).toBe("invalid_request");
    expect(back.searchParams.get("error_description")).toContain("requires PKCE");
  });

  it("refuses a wrong password", async () => {
    const conn = await orgWithOidc(idp, ORIGIN);
    const { authorizationUrl } = await startOidcSignIn(conn, { callbackUrl: "/", origin: ORIGIN });
    await expect(signInAtIdp(authorizationUrl, { email: ADA.email, password: "wrong" })).rejects.toThrow(
      "Wrong email or password",
    );
  });
});

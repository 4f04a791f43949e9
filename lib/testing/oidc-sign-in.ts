import * as client from "openid-client";
import type { TFakeOidcClient } from "./fake-oidc-provider";

// A person signing in at an identity provider, without a browser: follows the provider's
// redirects with its cookies, fills the sign-in form of the fake provider
// (lib/testing/fake-oidc-interactions.ts) and stops at the redirect back to the application,
// which is returned as the URL the application's callback would receive.

/** Cookies by name: one provider host, so domain and path matter to nothing here. */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => {
        const [k, v = ""] = a.split("=").map((s) => s.trim().toLowerCase());
        return (k === "max-age" && Number(v) <= 0) || (k === "expires" && Date.parse(v) <= Date.now());
      });
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

export type TSignInAnswer = { email: string; password?: string } | { cancel: true };

/**
 * Opens `authorizationUrl`, signs in as `answer` (or presses Cancel) and returns the URL the
 * provider sends the browser back to (the client's redirect URI with `code` and `state`, or
 * `error`). Throws when the provider shows something else, such as a refused password.
 */
export async function signInAtIdp(authorizationUrl: string | URL, answer: TSignInAnswer): Promise<URL> {
  const jar = new CookieJar();
  let url = new URL(authorizationUrl);
  const idpOrigin = url.origin;
  const visit = async (target: URL, form?: URLSearchParams) => {
    const res = await fetch(target, {
      method: form ? "POST" : "GET",
      redirect: "manual",
      headers: {
        cookie: jar.header(),
        ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      body: form?.toString(),
    });
    jar.store(res);
    return res;
  };

  let res = await visit(url);
  let submitted = false;
  for (let hop = 0; hop < 20; hop++) {
    const location = res.headers.get("location");
    if (res.status >= 300 && res.status < 400 && location) {
      await res.body?.cancel();
      const next = new URL(location, url);
      if (next.origin !== idpOrigin) return next;
      url = next;
      res = await visit(url);
      continue;
    }
    const page = await res.text();
    const alert = /role="alert">([^<]*)</.exec(page)?.[1];
    if (alert) throw new Error(`The identity provider refused the sign-in: ${alert}`);
    if (res.status !== 200 || !url.pathname.startsWith("/interaction/") || submitted) {
      throw new Error(`The identity provider answered ${res.status} at ${url.pathname}: ${page.slice(0, 500)}`);
    }
    submitted = true;
    if ("cancel" in answer) {
      url = new URL(`${url.pathname}/abort`, idpOrigin);
      res = await visit(url, new URLSearchParams());
    } else {
      url = new URL(`${url.pathname}/login`, idpOrigin);
      res = await visit(url, new URLSearchParams({ email: answer.email, password: answer.password ?? "" }));
    }
  }
  throw new Error("The identity provider redirected more than 20 times.");
}

/**
 * A whole code flow for `registered` at the provider, outside Bumpers: the ID token the provider
 * issues to that client (tests hand it to another client to see it refused).
 */
export async function obtainIdToken(
  issuer: string,
  registered: TFakeOidcClient,
  person: { email: string; password?: string },
  nonce: string,
): Promise<string> {
  const config = await client.discovery(
    new URL(issuer),
    registered.clientId,
    undefined,
    client.ClientSecretBasic(registered.clientSecret),
    { execute: [client.allowInsecureRequests] },
  );
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const authorizationUrl = client.buildAuthorizationUrl(config, {
    redirect_uri: registered.redirectUris[0],
    scope: "openid email profile",
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  const back = await signInAtIdp(authorizationUrl, person);
  const tokens = await client.authorizationCodeGrant(config, back, {
    pkceCodeVerifier: verifier,
    expectedState: state,
    expectedNonce: nonce,
    idTokenExpected: true,
  });
  if (!tokens.id_token) throw new Error("The provider issued no ID token.");
  return tokens.id_token;
}

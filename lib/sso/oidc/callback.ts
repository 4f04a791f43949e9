import "server-only";
import * as client from "openid-client";
import { sha256Hex } from "@/lib/server/crypto";
import type { TOidcConnection } from "../connections";
import { ssoEndpoints } from "../connections";
import { SsoError } from "../errors";
import { acceptOnce, consumeSsoRequest, whySsoRequestUnavailable, type TSsoRequest } from "../requests";
import type { TVerifiedIdentity } from "../types";
import { identityFromClaims, needsUserinfo, type TClaims } from "./claims";
import { oidcConfiguration } from "./client";
import { describeOidcError, isTimestampError, logSafe } from "./errors";

// The IdP sent the browser back to /api/sso/<org>/oidc/callback. The answer counts only when it
// answers a sign-in this browser started for this org (state + cookie, once), and when the code
// it carries buys, with our PKCE verifier and client secret, an ID token that openid-client
// accepts: signed with a key of the provider's JWKS, issued by the configured issuer, for our
// client id, not expired, with our nonce. The same ID token is never accepted twice.

/** An accepted token is remembered this long past its `exp` (openid-client tolerates 30 s of skew). */
const REPLAY_MARGIN_MS = 2 * 60 * 1000;

async function takeRequest(
  conn: TOidcConnection,
  state: string | null,
  browserSecret: string | null,
): Promise<TSsoRequest> {
  if (!state) throw new SsoError("SsoInvalidResponse", "The answer carries no state.");
  // Without the cookie the request is left alone: the browser that started it may still finish.
  if (!browserSecret) {
    throw new SsoError("SsoExpired", "No sign-in cookie came with the answer (another browser, or cookies blocked).");
  }
  const expect = { orgId: conn.org.id, protocol: "oidc" as const, browserSecret };
  const request = await consumeSsoRequest(state, expect);
  if (request) return request;
  const why = await whySsoRequestUnavailable(state, expect);
  switch (why) {
    case "used":
      throw new SsoError("SsoReplayed", "This sign-in was already completed (the answer was sent twice).");
    case "other-browser":
      throw new SsoError("SsoReplayed", "The answer came from a browser other than the one that started the sign-in.");
    case "expired":
      throw new SsoError("SsoExpired", "The sign-in took longer than its time limit.");
    case "unknown":
      throw new SsoError("SsoExpired", `No sign-in of ${conn.org.slug} was started with this state.`);
  }
}

/** Claims the ID token leaves out (groups, email), from userinfo, read once. */
async function withUserinfo(
  configuration: client.Configuration,
  claims: TClaims & { sub: string },
  accessToken: string,
): Promise<TClaims> {
  if (!configuration.serverMetadata().userinfo_endpoint) return claims;
  try {
    const info = await client.fetchUserInfo(configuration, accessToken, claims.sub);
    // The ID token is signed; userinfo only fills what it lacks.
    return { ...info, ...claims };
  } catch (err) {
    throw new SsoError("SsoInvalidResponse", `Reading userinfo failed: ${describeOidcError(err)}`);
  }
}

/**
 * Verifies the IdP's answer at the callback and returns who signed in. `currentUrl` is the
 * callback's URL as requested (only its query is read: the redirect URI sent to the token endpoint
 * is always the one registered, built from `origin`). Every refusal is an SsoError.
 */
export async function verifyOidcCallback(
  conn: TOidcConnection,
  opts: { currentUrl: URL; browserSecret: string | null; origin: string },
): Promise<TVerifiedIdentity> {
  const params = opts.currentUrl.searchParams;
  const request = await takeRequest(conn, params.get("state"), opts.browserSecret);

  const error = params.get("error");
  if (error !== null) {
    const description = params.get("error_description");
    throw new SsoError(
      "SsoInvalidResponse",
      logSafe(`The identity provider refused the sign-in: ${error}${description ? ` (${description})` : ""}.`),
    );
  }
  if (!request.codeVerifier || !request.nonce) {
    throw new SsoError("SsoInvalidResponse", "The stored sign-in has no PKCE verifier or nonce.");
  }

  const configuration = await oidcConfiguration(conn);
  const redirectUri = new URL(ssoEndpoints(opts.origin, conn.org.slug).oidcRedirectUri);
  redirectUri.search = opts.currentUrl.search;
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(configuration, redirectUri, {
      pkceCodeVerifier: request.codeVerifier,
      expectedState: request.id,
      expectedNonce: request.nonce,
      idTokenExpected: true,
    });
  } catch (err) {
    throw new SsoError(isTimestampError(err) ? "SsoExpired" : "SsoInvalidResponse", describeOidcError(err));
  }
  const idToken = tokens.id_token;
  const idClaims = tokens.claims();
  if (!idToken || !idClaims) throw new SsoError("SsoInvalidResponse", "The token endpoint sent no ID token.");

  const expiresAt = new Date(idClaims.exp * 1000 + REPLAY_MARGIN_MS);
  if (!(await acceptOnce(conn.org.id, `oidc:${sha256Hex(idToken)}`, expiresAt))) {
    throw new SsoError("SsoReplayed", "This ID token was already used to sign in.");
  }

  const { groupsClaim } = conn.settings;
  const claims = needsUserinfo(idClaims, groupsClaim)
    ? await withUserinfo(configuration, idClaims, tokens.access_token)
    : idClaims;
  const identity = identityFromClaims(claims, groupsClaim);
  return { orgId: conn.org.id, protocol: "oidc", ...identity, callbackUrl: request.callbackUrl };
}

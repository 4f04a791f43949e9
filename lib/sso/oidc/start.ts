import "server-only";
import * as client from "openid-client";
import type { TOidcConnection } from "../connections";
import { ssoEndpoints } from "../connections";
import { createSsoRequest, newRequestId } from "../requests";
import { oidcConfiguration } from "./client";

/**
 * Starts an authorization code flow with PKCE (S256) at the org's IdP. The state is the id of a
 * stored sign-in request; the PKCE verifier and the nonce stay in that row, server-side, and the
 * returned `browserSecret` (the SSO_BROWSER_COOKIE value) binds it to this browser.
 * `callbackUrl` must already be a path on this site (safeCallbackUrl).
 */
export async function startOidcSignIn(
  conn: TOidcConnection,
  opts: { callbackUrl: string; origin: string },
): Promise<{ authorizationUrl: string; browserSecret: string }> {
  const configuration = await oidcConfiguration(conn);
  const codeVerifier = client.randomPKCECodeVerifier();
  const nonce = client.randomNonce();
  const state = newRequestId();
  const { browserSecret } = await createSsoRequest({
    id: state,
    orgId: conn.org.id,
    protocol: "oidc",
    nonce,
    codeVerifier,
    callbackUrl: opts.callbackUrl,
  });
  const authorizationUrl = client.buildAuthorizationUrl(configuration, {
    redirect_uri: ssoEndpoints(opts.origin, conn.org.slug).oidcRedirectUri,
    response_type: "code",
    scope: conn.settings.scopes.join(" "),
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  return { authorizationUrl: authorizationUrl.href, browserSecret };
}

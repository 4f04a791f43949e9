import "server-only";
import type { TSamlConnection } from "../connections";
import { createSsoRequest, newRequestId } from "../requests";
import { samlFor } from "./sp";

/**
 * Starts an SP-initiated sign-in: a signed AuthnRequest (HTTP-Redirect binding) whose ID is
 * stored in sso_requests with where to go afterwards. The ACS accepts the IdP's answer only with
 * that ID in its signed InResponseTo, once. RelayState is the same opaque ID, never a URL, so
 * nothing an IdP or attacker puts there can become a redirect. No browser cookie: the IdP's
 * cross-site POST to the ACS would not carry a SameSite=Lax one.
 */
export async function startSamlSignIn(
  conn: TSamlConnection,
  opts: { callbackUrl: string; origin: string },
): Promise<{ redirectUrl: string }> {
  const id = newRequestId();
  const saml = samlFor(conn, opts.origin, { requestId: id });
  await createSsoRequest({ id, orgId: conn.org.id, protocol: "saml", callbackUrl: opts.callbackUrl });
  const redirectUrl = await saml.getAuthorizeUrlAsync(id, undefined, {});
  return { redirectUrl };
}

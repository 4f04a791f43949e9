import "server-only";
import { ssoTicketSetCookie } from "@/lib/auth/sso-ticket";
import { SsoError } from "../errors";
import type { TVerifiedIdentity } from "../types";
import { completeSsoSignIn } from "./complete-sign-in";

const seeOther = (location: string, headers: Record<string, string> = {}) =>
  new Response(null, { status: 303, headers: { location, "cache-control": "no-store", ...headers } });

/**
 * Turns an identity a protocol module verified into a Bumpers session: checks the email's domain
 * is claimed by the org, finds or (JIT) creates the user, re-applies the group mappings, and
 * answers with a redirect that hands a single-use ticket to next-auth's "sso" provider
 * (/login/sso). The ticket travels only in an HttpOnly cookie; after the SAML ACS's cross-site
 * POST the cookie is still set (SameSite=Lax restricts sending, not setting), and the 303 GET to
 * our own page sends it. Refusals redirect to /login?error=<TSsoFailure>.
 */
export async function finishSsoSignIn(identity: TVerifiedIdentity, origin: string): Promise<Response> {
  try {
    const { ticket } = await completeSsoSignIn(identity);
    return seeOther("/login/sso", { "set-cookie": ssoTicketSetCookie(ticket, origin.startsWith("https:")) });
  } catch (err) {
    if (!(err instanceof SsoError)) throw err;
    // The reason goes to the page; the detail only to the server log.
    console.warn(`[sso] sign-in to org ${identity.orgId} refused (${err.reason}): ${err.detail}`);
    return seeOther(`/login?error=${err.reason}`);
  }
}

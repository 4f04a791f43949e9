import "server-only";
import type { SsoError } from "../errors";
import { SSO_BROWSER_COOKIE, SSO_REQUEST_TTL_MS } from "../requests";
import type { TSsoFailure } from "../types";

// What the two OIDC routes (app/api/sso/[org]/oidc/start|callback) answer besides the protocol:
// the browser's half of a sign-in in flight, kept in a cookie scoped to the org's SSO routes, and
// the redirect to the sign-in page that explains a refusal.

const cookiePath = (orgSlug: string) => `/api/sso/${encodeURIComponent(orgSlug)}`;
const secureOn = (origin: string) => (origin.startsWith("https://") ? "; Secure" : "");

/** Set-Cookie for the browser secret: HttpOnly, SameSite=Lax (the IdP returns by a top-level GET). */
export function browserCookie(orgSlug: string, browserSecret: string, origin: string): string {
  const maxAge = Math.floor(SSO_REQUEST_TTL_MS / 1000);
  return `${SSO_BROWSER_COOKIE}=${browserSecret}; Path=${cookiePath(orgSlug)}; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secureOn(origin)}`;
}

export function clearedBrowserCookie(orgSlug: string, origin: string): string {
  return `${SSO_BROWSER_COOKIE}=; Path=${cookiePath(orgSlug)}; Max-Age=0; HttpOnly; SameSite=Lax${secureOn(origin)}`;
}

/** The browser secret the request carries, or null. */
export function readBrowserCookie(headers: Pick<Headers, "get">): string | null {
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === SSO_BROWSER_COOKIE) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

/** 302 to the sign-in page, which explains `reason`. */
export function failureRedirect(reason: TSsoFailure): Response {
  return new Response(null, { status: 302, headers: { location: `/login?error=${reason}` } });
}

/** An SsoError as that redirect, its detail in the server log (never in the browser). */
export function refusalResponse(err: SsoError, orgSlug: string): Response {
  console.warn(`[sso] OIDC sign-in for ${orgSlug} refused (${err.reason}): ${err.detail}`);
  return failureRedirect(err.reason);
}

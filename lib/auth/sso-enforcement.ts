import type { TOrgRole } from "./permissions";
import type { TSessionSignIn } from "./session-user";

export type TSsoDecision = "allowed" | "break_glass" | "sso_required";

/**
 * Whether a member may use an org with this session. An org that enforces SSO (connection enabled
 * and enforced) admits only sessions opened through its own IdP: an SSO session of another org
 * does not count, since that IdP vouches for nothing here. Owners who signed in with a password
 * get in anyway (break-glass, to repair SSO; the page warns and the sign-in was audited); OAuth
 * and sessions of unknown origin (cookies from before this was recorded) must sign in again.
 */
export function ssoDecision(
  org: { id: string; ssoEnforced: boolean },
  role: TOrgRole,
  signIn: TSessionSignIn,
): TSsoDecision {
  if (!org.ssoEnforced) return "allowed";
  if (signIn.method === "sso" && signIn.ssoOrgId === org.id) return "allowed";
  if (role === "owner" && signIn.method === "password") return "break_glass";
  return "sso_required";
}

/** Where a person goes to sign in through the org's IdP, coming back to `callbackUrl`. */
export const ssoStartPath = (orgSlug: string, callbackUrl?: string): string =>
  `/api/sso/${encodeURIComponent(orgSlug)}/start${callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ""}`;

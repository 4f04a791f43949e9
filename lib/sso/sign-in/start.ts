import "server-only";
import { db } from "@/lib/server/db";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

/**
 * Where /api/sso/<org>/start sends the browser: the start route of the org's protocol (OIDC or
 * SAML), carrying a callback URL that stays on this site; the sign-in page with
 * SsoNotConfigured when the org has no enabled connection.
 */
export async function ssoStartLocation(orgSlug: string, callbackUrl: unknown, origin: string): Promise<string> {
  const connection = await db.ssoConnection.findFirst({
    where: { org: { slug: orgSlug }, enabled: true },
    select: { protocol: true },
  });
  if (!connection) return "/login?error=SsoNotConfigured";
  const back = safeCallbackUrl(callbackUrl, origin);
  return `/api/sso/${encodeURIComponent(orgSlug)}/${connection.protocol}/start?callbackUrl=${encodeURIComponent(back)}`;
}

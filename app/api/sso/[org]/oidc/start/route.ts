import { withErrors } from "@/lib/api/http";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { env } from "@/lib/server/env";
import { originFrom } from "@/lib/server/app-url";
import { loadSsoConnection } from "@/lib/sso/connections";
import { SsoError } from "@/lib/sso/errors";
import { browserCookie, failureRedirect, refusalResponse } from "@/lib/sso/oidc/http";
import { startOidcSignIn } from "@/lib/sso/oidc/start";

export const dynamic = "force-dynamic";

// Starts a sign-in at the org's OpenID Connect provider. Public on purpose: it reads nothing and
// changes nothing but a sign-in in flight, bound to this browser by the cookie it sets.
export const GET = withErrors<{ org: string }>(async (req, _requestId, { org }) => {
  const conn = await loadSsoConnection(org);
  if (!conn || conn.protocol !== "oidc") return failureRedirect("SsoNotConfigured");
  const origin = originFrom(env().NEXTAUTH_URL, req.headers);
  // Only a path on this site survives: the IdP's round trip must not end somewhere else.
  const callbackUrl = safeCallbackUrl(new URL(req.url).searchParams.get("callbackUrl"), origin);
  try {
    const { authorizationUrl, browserSecret } = await startOidcSignIn(conn, { callbackUrl, origin });
    return new Response(null, {
      status: 302,
      headers: { location: authorizationUrl, "set-cookie": browserCookie(conn.org.slug, browserSecret, origin) },
    });
  } catch (err) {
    if (err instanceof SsoError) return refusalResponse(err, conn.org.slug);
    throw err;
  }
});

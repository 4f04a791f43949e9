import { withErrors } from "@/lib/api/http";
import { env } from "@/lib/server/env";
import { originFrom } from "@/lib/server/app-url";
import { loadSsoConnection } from "@/lib/sso/connections";
import { SsoError } from "@/lib/sso/errors";
import { verifyOidcCallback } from "@/lib/sso/oidc/callback";
import { clearedBrowserCookie, failureRedirect, readBrowserCookie, refusalResponse } from "@/lib/sso/oidc/http";
import { finishSsoSignIn } from "@/lib/sso/sign-in/finish";

export const dynamic = "force-dynamic";

// Where the org's OpenID Connect provider sends the browser back. Public on purpose: the IdP's
// signed answer, bound to the sign-in this browser started (state, cookie, PKCE, nonce), is the
// credential (lib/sso/oidc/callback.ts).
export const GET = withErrors<{ org: string }>(async (req, _requestId, { org }) => {
  const origin = originFrom(env().NEXTAUTH_URL, req.headers);
  const answer = await answerCallback(req, org, origin);
  // The sign-in in flight is over either way; a copy, since a redirect's headers are immutable.
  const response = new Response(answer.body, answer);
  response.headers.append("set-cookie", clearedBrowserCookie(org, origin));
  return response;
});

async function answerCallback(req: Request, org: string, origin: string): Promise<Response> {
  const conn = await loadSsoConnection(org);
  if (!conn || conn.protocol !== "oidc") return failureRedirect("SsoNotConfigured");
  try {
    const identity = await verifyOidcCallback(conn, {
      currentUrl: new URL(req.url),
      browserSecret: readBrowserCookie(req.headers),
      origin,
    });
    return await finishSsoSignIn(identity, origin);
  } catch (err) {
    if (!(err instanceof SsoError)) throw err;
    return refusalResponse(err, conn.org.slug);
  }
}

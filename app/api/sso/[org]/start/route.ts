import { withErrors } from "@/lib/api/http";
import { originFrom } from "@/lib/server/app-url";
import { env } from "@/lib/server/env";
import { ssoStartLocation } from "@/lib/sso/sign-in/start";

export const dynamic = "force-dynamic";

// Sign in through an org's SSO, whichever protocol it uses: the sign-in page's SSO button and the
// guard of an org that enforces SSO send people here. Public: it starts a sign-in, reads nothing.
export const GET = withErrors<{ org: string }>(async (req, _requestId, { org }) => {
  const origin = originFrom(env().NEXTAUTH_URL, req.headers);
  const location = await ssoStartLocation(org, new URL(req.url).searchParams.get("callbackUrl"), origin);
  return new Response(null, { status: 302, headers: { location } });
});

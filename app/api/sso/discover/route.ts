import { json, readJson, withErrors } from "@/lib/api/http";
import { discoverSso, limitSsoDiscovery, ZDiscoverRequest } from "@/lib/sso/sign-in/discover";

export const dynamic = "force-dynamic";

// The sign-in page's "Continue": does an org's single sign-on answer for this email's domain?
// Public (nobody is signed in yet); rate-limited per address; the answer depends on the domain
// only, not on whether the person has an account.
export const POST = withErrors(async (req) => {
  await limitSsoDiscovery(req.headers);
  const { email } = await readJson(req, ZDiscoverRequest);
  return json(await discoverSso(email));
});

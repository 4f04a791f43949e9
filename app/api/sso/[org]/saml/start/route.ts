import { withErrors } from "@/lib/api/http";
import { samlStartResponse } from "@/lib/sso/saml/routes";

export const dynamic = "force-dynamic";

// Starts a SAML sign-in with the org's IdP. Public on purpose: the person is not signed in yet;
// it reads nothing and only redirects to the IdP the org configured.
export const GET = withErrors<{ org: string }>(async (req, _requestId, params) => samlStartResponse(req, params.org));

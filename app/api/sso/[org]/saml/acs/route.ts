import { withErrors } from "@/lib/api/http";
import { samlAcsResponse } from "@/lib/sso/saml/routes";

export const dynamic = "force-dynamic";

// The org's SAML Assertion Consumer Service. Public on purpose: the IdP's response arrives by a
// cross-site form POST from the browser; the response signed by the org's IdP, answering a
// sign-in this org started, is the credential.
export const POST = withErrors<{ org: string }>(async (req, _requestId, params) => samlAcsResponse(req, params.org));

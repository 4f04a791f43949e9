import { withErrors } from "@/lib/api/http";
import { samlMetadataResponse } from "@/lib/sso/saml/routes";

export const dynamic = "force-dynamic";

// The org's SAML service provider metadata. Public on purpose: IdPs fetch it without a session;
// it holds only the entity id, ACS URL and public certificates.
export const GET = withErrors<{ org: string }>(async (req, _requestId, params) =>
  samlMetadataResponse(req, params.org),
);

import { unknownEndpoint } from "@/lib/scim/discovery";
import { withScim } from "@/lib/scim/http";

// Any other path under the org's SCIM base (/Bulk, /Me, typos): a SCIM 404 after the token check,
// rather than an HTML page.
type TParams = { org: string; path: string[] };

export const GET = withScim<TParams>(unknownEndpoint);
export const POST = withScim<TParams>(unknownEndpoint);
export const PUT = withScim<TParams>(unknownEndpoint);
export const PATCH = withScim<TParams>(unknownEndpoint);
export const DELETE = withScim<TParams>(unknownEndpoint);

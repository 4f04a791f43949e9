import "server-only";
import { bearerToken } from "@/lib/auth/tokens";
import { authenticateTokenWithOrg, type TTokenOrg, type TTokenPrincipal } from "@/lib/tokens/authenticate-token";
import { scimUnauthorized } from "./errors";

/**
 * The SCIM token of `Authorization: Bearer bmp_scim_…` and its org, which must be the org named
 * in the path. A missing, malformed, unknown or revoked token, a token of another kind and a
 * token of another org all get the same 401: the answer never tells whether the org exists.
 */
export async function authenticateScimRequest(
  req: Request,
  orgSlug: string,
): Promise<{ org: TTokenOrg; token: TTokenPrincipal }> {
  const raw = bearerToken(req.headers);
  const found = raw ? await authenticateTokenWithOrg(raw, "scim") : null;
  if (!found || found.principal.kind !== "scim" || found.org.slug !== orgSlug) throw scimUnauthorized();
  return { org: found.org, token: found.principal };
}

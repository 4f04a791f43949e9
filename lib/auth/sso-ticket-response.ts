import "server-only";
import { SSO_PROVIDER_ID } from "./options";
import { ssoTicketClearCookie } from "./sso-ticket";

/**
 * next-auth's answer to the "sso" provider's sign-in, with the ticket cookie removed: the ticket
 * was used (or refused) by then, so the browser has no reason to keep sending it.
 */
export function clearSsoTicketAfterUse(req: Request, res: Response): Response {
  if (!new URL(req.url).pathname.endsWith(`/callback/${SSO_PROVIDER_ID}`)) return res;
  // Secure exactly when the browser is on https (here or at our TLS proxy): a browser ignores a
  // Secure cookie sent over plain http, and the cookie being cleared was set the same way.
  const forwarded = req.headers.get("x-forwarded-proto")?.split(",")[0].trim();
  const secure = (forwarded ?? new URL(req.url).protocol.replace(/:$/, "")) === "https";
  // next-auth's Response may have immutable headers: answer with a copy.
  const headers = new Headers(res.headers);
  headers.append("set-cookie", ssoTicketClearCookie(secure));
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}

import "server-only";
import { originFrom } from "@/lib/server/app-url";
import { env } from "@/lib/server/env";
import { SSO_PROVIDER_ID } from "./options";
import { ssoTicketClearCookie } from "./sso-ticket";

/**
 * next-auth's answer to the "sso" provider's sign-in, with the ticket cookie removed: the ticket
 * was used (or refused) by then, so the browser has no reason to keep sending it.
 */
export function clearSsoTicketAfterUse(req: Request, res: Response): Response {
  if (!new URL(req.url).pathname.endsWith(`/callback/${SSO_PROVIDER_ID}`)) return res;
  const secure = originFrom(env().NEXTAUTH_URL, req.headers).startsWith("https:");
  // next-auth's Response may have immutable headers: answer with a copy.
  const headers = new Headers(res.headers);
  headers.append("set-cookie", ssoTicketClearCookie(secure));
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}

import type { Metadata } from "next";
import { cookies } from "next/headers";
import { peekSsoTicket, SSO_TICKET_COOKIE, ssoTicketValue } from "@/lib/auth/sso-ticket";
import { SsoHandOver, SsoHandOverFailed } from "@/components/auth/sso-hand-over";

export const metadata: Metadata = { title: "Signing in" };

// The last step of a sign-in through an org's SSO (lib/sso/sign-in/finish.ts redirects here with
// the ticket in an HttpOnly cookie). Public: the ticket is the credential, and this page only
// reads where it leads, without using it up; the client then hands it to next-auth.
export default async function SsoHandOverPage() {
  const ticket = ssoTicketValue((await cookies()).get(SSO_TICKET_COOKIE)?.value);
  const pending = await peekSsoTicket(ticket);
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">Signing in</h1>
      {pending ? <SsoHandOver callbackUrl={pending.callbackUrl} /> : <SsoHandOverFailed />}
    </>
  );
}

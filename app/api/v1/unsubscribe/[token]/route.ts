import { json, withErrors } from "@/lib/api/http";
import { unsubscribeOneClick } from "@/lib/notifications/unsubscribe";

export const dynamic = "force-dynamic";

// The List-Unsubscribe URL of notification mails. Public: the signed token in the path is the
// authority (lib/notifications/unsubscribe.ts), and mail clients call it without any session.

/** RFC 8058 one-click: the mail client POSTs List-Unsubscribe=One-Click; 200 once it is done. */
export const POST = withErrors<{ token: string }>(async (req, _requestId, { token }) =>
  json(await unsubscribeOneClick(token, req)),
);

/** Someone who opens the header's link in a browser gets the page, which asks first. */
export const GET = withErrors<{ token: string }>(
  async (_req, _requestId, { token }) =>
    new Response(null, { status: 303, headers: { location: `/unsubscribe/${encodeURIComponent(token)}` } }),
);

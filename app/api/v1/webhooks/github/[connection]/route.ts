import { withErrors } from "@/lib/api/http";
import { applyWebhook } from "@/lib/tickets/sync/webhook-request";

export const dynamic = "force-dynamic";

// GitHub's webhook for a ticket connection (docs/api.md). Public on purpose: GitHub calls it
// without a session or token. The body's X-Hub-Signature-256, an HMAC with the connection's
// sealed webhook secret, is the credential; everything it changes is in the connection's org.
export const POST = withErrors<{ connection: string }>(async (req, _requestId, params) =>
  applyWebhook("github", params.connection, req),
);

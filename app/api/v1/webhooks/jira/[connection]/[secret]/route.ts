import { withErrors } from "@/lib/api/http";
import { applyWebhook } from "@/lib/tickets/sync/webhook-request";

export const dynamic = "force-dynamic";

// Jira's webhook for a ticket connection (docs/api.md). Public on purpose: Jira calls it without
// a session or token. The secret in the path, compared in constant time with the connection's
// sealed webhook secret, is the credential; everything it changes is in the connection's org.
export const POST = withErrors<{ connection: string; secret: string }>(async (req, _requestId, params) =>
  applyWebhook("jira", params.connection, req, { pathSecret: params.secret }),
);

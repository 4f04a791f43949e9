import { withErrors } from "@/lib/api/http";
import { applyWebhook } from "@/lib/tickets/sync/webhook-request";

export const dynamic = "force-dynamic";

// Jira's webhook for a ticket connection, Atlassian Connect style (docs/tickets.md): no secret in
// the URL, an `Authorization: JWT …` signed with the connection's webhook secret and bound to this
// URL (its qsh claim) instead. Public on purpose, like the path-secret route beside it.
export const POST = withErrors<{ connection: string }>(async (req, _requestId, params) =>
  applyWebhook("jira", params.connection, req),
);

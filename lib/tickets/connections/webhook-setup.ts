import { providerOfKind, type TTicketConnectionKind } from "../schemas";

// Where a provider sends its webhooks for one connection, shown once after the connection is made
// (and after its webhook secret is rotated). Pure: the connection form renders it.

export type TWebhookSetup = {
  provider: "jira" | "github";
  /** Jira carries the secret in the URL path; GitHub signs with it (X-Hub-Signature-256). */
  url: string;
  /** GitHub's "Secret" field; null for Jira (it is part of the URL). */
  secret: string | null;
  contentType: string | null;
  events: string[];
};

export function webhookSetupOf(
  kind: TTicketConnectionKind,
  baseUrl: string,
  connectionId: string,
  webhookSecret: string,
): TWebhookSetup {
  const base = baseUrl.replace(/\/+$/, "");
  if (providerOfKind(kind) === "jira") {
    return {
      provider: "jira",
      url: `${base}/api/v1/webhooks/jira/${connectionId}/${webhookSecret}`,
      secret: null,
      contentType: null,
      events: ["Issue: updated", "Comment: created"],
    };
  }
  return {
    provider: "github",
    url: `${base}/api/v1/webhooks/github/${connectionId}`,
    secret: webhookSecret,
    contentType: "application/json",
    events: ["Issues", "Issue comments"],
  };
}

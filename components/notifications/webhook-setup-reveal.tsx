"use client";

import type { TWebhookSetup } from "@/lib/tickets/connections/webhook-setup";
import { SecretReveal } from "@/components/ui/secret-reveal";

/**
 * Where to register the provider's webhook, shown once (the URL or the signature carries the
 * connection's webhook secret): Jira and GitHub tell Bumpers about closed, reopened and commented
 * tickets through it.
 */
export function WebhookSetupReveal({ setup }: { setup: TWebhookSetup }) {
  if (setup.provider === "jira") {
    return (
      <div className="space-y-3 text-sm text-slate-600">
        <SecretReveal label="Webhook URL for Jira" value={setup.url} />
        <p>
          In Jira: Settings → System → WebHooks → Create a WebHook. Paste this URL, choose the events{" "}
          <strong>{setup.events.join(", ")}</strong>, and limit it to the projects tickets go to (JQL). The URL holds
          the secret: keep it out of tickets and chats.
        </p>
      </div>
    );
  }
  return (
    <div className="space-y-3 text-sm text-slate-600">
      <p>In GitHub: the repository&apos;s (or organization&apos;s, or App&apos;s) Settings → Webhooks → Add webhook.</p>
      <dl className="space-y-1">
        <div>
          <dt className="inline font-medium text-slate-700">Payload URL: </dt>
          <dd className="inline break-all font-mono text-xs">{setup.url}</dd>
        </div>
        <div>
          <dt className="inline font-medium text-slate-700">Content type: </dt>
          <dd className="inline font-mono text-xs">{setup.contentType}</dd>
        </div>
        <div>
          <dt className="inline font-medium text-slate-700">Events: </dt>
          <dd className="inline">{setup.events.join(", ")} (“Let me select individual events”)</dd>
        </div>
      </dl>
      <SecretReveal label="Webhook secret (GitHub's “Secret” field)" value={setup.secret ?? ""} />
    </div>
  );
}

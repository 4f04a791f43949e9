"use client";

import { useState } from "react";
import { saveConnectionAction } from "@/lib/notifications/actions";
import type { TConnectionView } from "@/lib/notifications/connections/queries";
import {
  CONNECTION_KINDS,
  CONNECTION_KIND_NAMES,
  type TAnyConnectionKind,
  type TConnectionKind,
} from "@/lib/notifications/schemas";
import type { TWebhookSetup } from "@/lib/tickets/connections/webhook-setup";
import { isTicketConnectionKind, TICKET_CONNECTION_KINDS } from "@/lib/tickets/schemas";
import { Button } from "@/components/ui/button";
import { CodeInput, Field, Input, Select } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-footer";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { useActionForm } from "@/components/ui/use-action-form";
import { SecretField } from "./secret-field";
import { TicketConnectionFields } from "./ticket-connection-fields";
import { WebhookSetupReveal } from "./webhook-setup-reveal";

export type TOwnerRef = { orgSlug: string; teamSlug: string };

/** What each kind is called where you choose it: what you paste, not only the product. */
const KIND_CHOICES: Readonly<Record<TAnyConnectionKind, string>> = {
  slack: "Slack app (bot token)",
  slack_webhook: "Slack incoming webhook",
  teams: "Microsoft Teams workflow",
  webhook: "Webhook (signed HTTPS POST)",
  email: "SMTP server",
  jira_cloud: "Jira Cloud (API token)",
  jira_server: "Jira Data Center / Server (personal access token)",
  github: "GitHub Issues (App or token)",
};

/** The kind picker: message channels, then ticket providers. */
const KIND_GROUPS = [
  ["Messages", CONNECTION_KINDS],
  ["Tickets", TICKET_CONNECTION_KINDS],
] as const;

const URL_HINTS: Partial<Record<TConnectionKind, string>> = {
  slack_webhook: "From your Slack app: Incoming Webhooks → Add New Webhook to Workspace. One URL posts to one channel.",
  teams:
    "In the Teams channel: Workflows → Post to a channel when a webhook request is received, then copy the URL it shows.",
  webhook:
    "Your HTTPS endpoint. Each event is a signed POST (Standard Webhooks); the signing secret is shown once after saving.",
};

/** A message connection's secret: a Slack bot token, or the URL a webhook kind posts to. */
function MessageSecretField({
  kind,
  id,
  errors,
  keep,
}: {
  kind: Exclude<TConnectionKind, "email">;
  id: (name: string) => string;
  errors: Record<string, string[]>;
  /** The stored secret's hint, when editing. */
  keep?: string;
}) {
  const slack = kind === "slack";
  const name = slack ? "botToken" : "url";
  return (
    <SecretField
      id={id}
      errors={errors}
      keep={keep}
      name={name}
      secret={slack ? "bot token" : "URL"}
      hint={
        slack
          ? "From your Slack app: OAuth & Permissions → Bot User OAuth Token (xoxb-…). Invite the app to each channel it posts to: /invite @YourApp."
          : URL_HINTS[kind]
      }
    >
      <CodeInput
        name={name}
        type={slack ? "password" : "url"}
        required={!keep}
        placeholder={slack ? "xoxb-…" : "https://…"}
        maxLength={2000}
      />
    </SecretField>
  );
}

/** The SMTP server's settings (not secret, so an edit shows them) and its password (never shown). */
function SmtpFields({
  id,
  errors,
  settings,
  keepPassword,
}: {
  id: (name: string) => string;
  errors: Record<string, string[]>;
  settings?: Record<string, unknown>;
  keepPassword?: string;
}) {
  const value = (key: string) => (settings?.[key] === undefined ? undefined : String(settings[key]));
  return (
    <div className="grid gap-4 sm:grid-cols-[1fr_7rem_10rem]">
      <Field id={id("host")} label="Host" errors={errors.host} hint="The SMTP server's host name.">
        <CodeInput name="host" required defaultValue={value("host")} placeholder="smtp.example.com" />
      </Field>
      <Field id={id("port")} label="Port" errors={errors.port}>
        <Input name="port" type="number" min={1} max={65535} defaultValue={value("port") ?? "587"} />
      </Field>
      <Field id={id("security")} label="Security" errors={errors.security}>
        <Select name="security" defaultValue={value("security") ?? "starttls"}>
          <option value="starttls">STARTTLS (587)</option>
          <option value="tls">TLS (465)</option>
        </Select>
      </Field>
      <Field id={id("from")} label="From address" errors={errors.from} className="sm:col-span-3">
        <Input name="from" type="email" required defaultValue={value("from")} placeholder="bumpers@example.com" />
      </Field>
      <Field
        id={id("user")}
        label="User name"
        errors={errors.user}
        hint="Empty: the server takes mail without a login."
      >
        <CodeInput name="user" defaultValue={value("user")} />
      </Field>
      <Field
        id={id("password")}
        label={keepPassword ? "New password" : "Password"}
        errors={errors.password}
        hint={keepPassword ? `Leave empty to keep it (${keepPassword}).` : "Stored encrypted, never shown again."}
        className="sm:col-span-2"
      >
        <Input name="password" type="password" autoComplete="new-password" />
      </Field>
    </div>
  );
}

/**
 * Adds a connection (choose the kind, then its fields) or edits one: rename, or replace the token,
 * URL or SMTP settings. Secrets never come back to the form: an empty secret field keeps the stored
 * one. A new webhook's signing secret is shown once, here, after saving.
 */
export function ConnectionForm({
  owner,
  connection,
  onDone,
  onCancel,
}: {
  owner: TOwnerRef;
  connection?: TConnectionView;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [kind, setKind] = useState<TAnyConnectionKind>(connection?.kind ?? "slack");
  // An edit leaves the SMTP settings alone unless asked: sending them counts as a new secret.
  const [changeSmtp, setChangeSmtp] = useState(!connection);
  const [signingSecret, setSigningSecret] = useState<string | null>(null);
  const [webhook, setWebhook] = useState<TWebhookSetup | null>(null);
  const { submit, pending, errors, formError } = useActionForm(saveConnectionAction, {
    onSuccess: (data) => {
      if ("signingSecret" in data && data.signingSecret) setSigningSecret(data.signingSecret);
      else if ("webhook" in data && data.webhook) setWebhook(data.webhook);
      else onDone();
    },
  });
  const id = (name: string) => `connection-${connection?.id ?? "new"}-${name}`;

  if (webhook) {
    return (
      <div className="space-y-4">
        <p className="text-sm text-slate-700">
          Signed in and saved. Register the webhook now so closed, reopened and commented tickets come back to Bumpers:
        </p>
        <WebhookSetupReveal setup={webhook} />
        <div className="flex justify-end">
          <Button onClick={onDone}>Done</Button>
        </div>
      </div>
    );
  }

  if (signingSecret) {
    return (
      <div className="space-y-4">
        <SecretReveal label="Signing secret of this webhook" value={signingSecret} />
        <p className="text-sm text-slate-600">
          Give it to the receiver: it verifies each request&apos;s <code className="font-mono">webhook-signature</code>{" "}
          with it (Standard Webhooks).
        </p>
        <div className="flex justify-end">
          <Button onClick={onDone}>Done</Button>
        </div>
      </div>
    );
  }

  return (
    <form
      onSubmit={submit}
      className="space-y-4"
      aria-label={connection ? `Edit ${connection.name}` : "New connection"}
    >
      <HiddenFields values={{ org: owner.orgSlug, team: owner.teamSlug, connectionId: connection?.id, kind }} />
      <div className="grid gap-4 sm:grid-cols-2">
        {connection ? (
          <div className="space-y-1">
            <span className="block text-sm font-medium text-slate-700">Kind</span>
            <p className="py-1.5 text-sm text-slate-900">{CONNECTION_KIND_NAMES[connection.kind]}</p>
          </div>
        ) : (
          <Field id={id("kind")} label="Kind" errors={errors.kind}>
            <Select value={kind} onChange={(e) => setKind(e.target.value as TAnyConnectionKind)}>
              {KIND_GROUPS.map(([label, kinds]) => (
                <optgroup key={label} label={label}>
                  {kinds.map((k) => (
                    <option key={k} value={k}>
                      {KIND_CHOICES[k]}
                    </option>
                  ))}
                </optgroup>
              ))}
            </Select>
          </Field>
        )}
        <Field
          id={id("name")}
          label="Name"
          errors={errors.name}
          hint={
            isTicketConnectionKind(kind) ? "How ticket settings name it." : "How subscriptions and messages name it."
          }
        >
          <Input name="name" required={!connection} defaultValue={connection?.name} maxLength={80} />
        </Field>
      </div>
      {isTicketConnectionKind(kind) ? (
        <TicketConnectionFields
          key={kind}
          kind={kind}
          id={id}
          errors={errors}
          keep={connection ? { hint: connection.secretHint, settings: connection.settings } : undefined}
        />
      ) : kind === "email" ? (
        changeSmtp ? (
          <SmtpFields id={id} errors={errors} settings={connection?.settings} keepPassword={connection?.secretHint} />
        ) : (
          <div className="space-y-3">
            <Field id={id("password")} label="New password" errors={errors.password} hint="Leave empty to keep it.">
              <Input name="password" type="password" autoComplete="new-password" />
            </Field>
            <Button variant="secondary" size="sm" onClick={() => setChangeSmtp(true)}>
              Change the server settings
            </Button>
          </div>
        )
      ) : (
        <MessageSecretField kind={kind} id={id} errors={errors} keep={connection?.secretHint} />
      )}
      <FormFooter
        submitLabel={connection ? "Save connection" : "Add connection"}
        pending={pending}
        error={formError}
        onCancel={onCancel}
      />
    </form>
  );
}

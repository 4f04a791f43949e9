"use client";

import { useState } from "react";
import { deleteConnectionAction, rotateSigningSecretAction } from "@/lib/notifications/actions";
import type { TConnectionView } from "@/lib/notifications/connections/queries";
import { deleteConnectionText } from "@/lib/notifications/page-state";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { Dialog } from "@/components/ui/dialog";
import { EditDialog, FormDialog } from "@/components/ui/form-dialog";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { isTicketConnectionKind } from "@/lib/tickets/schemas";
import type { TWebhookSetup } from "@/lib/tickets/connections/webhook-setup";
import { ConnectionForm, type TOwnerRef } from "./connection-form";
import { TestConnectionButton } from "./test-connection-button";
import { WebhookSetupReveal } from "./webhook-setup-reveal";

/** A new signing secret for a webhook: the old one stops working at once, the new one is shown once. */
function RotateSigningSecret({ owner, connection }: { owner: TOwnerRef; connection: TConnectionView }) {
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <>
      <ConfirmAction
        action={rotateSigningSecretAction}
        fields={{ org: owner.orgSlug, team: owner.teamSlug, connectionId: connection.id }}
        triggerLabel="Rotate signing secret"
        triggerAriaLabel={`Rotate the signing secret of ${connection.name}`}
        title={`Rotate the signing secret of ${connection.name}?`}
        description="Requests are signed with a new secret from now on: the receiver refuses them until it has the new one."
        confirmLabel="Rotate secret"
        pendingLabel="Rotating…"
        onSuccess={(data) => setSecret(data.signingSecret ?? null)}
      />
      <Dialog open={secret !== null} onClose={() => setSecret(null)} title={`New signing secret of ${connection.name}`}>
        <div className="space-y-4">
          <SecretReveal label="Signing secret" value={secret ?? ""} />
          <p className="text-sm text-slate-600">
            Replace the old secret in the receiver now: requests signed with this one fail there until you do.
          </p>
          <div className="flex justify-end">
            <Button onClick={() => setSecret(null)}>Done</Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}

/** A new webhook secret for a Jira or GitHub connection: the provider's webhook must be registered again. */
function RotateWebhookSecret({ owner, connection }: { owner: TOwnerRef; connection: TConnectionView }) {
  const [setup, setSetup] = useState<TWebhookSetup | null>(null);
  return (
    <>
      <ConfirmAction
        action={rotateSigningSecretAction}
        fields={{ org: owner.orgSlug, team: owner.teamSlug, connectionId: connection.id }}
        triggerLabel="Rotate webhook secret"
        triggerAriaLabel={`Rotate the webhook secret of ${connection.name}`}
        title={`Rotate the webhook secret of ${connection.name}?`}
        description="Deliveries with the old secret are refused from now on: ticket changes do not reach Bumpers until the webhook is registered again with the new one."
        confirmLabel="Rotate secret"
        pendingLabel="Rotating…"
        onSuccess={(data) => setSetup(data.webhook ?? null)}
      />
      <Dialog open={setup !== null} onClose={() => setSetup(null)} title={`New webhook secret of ${connection.name}`}>
        <div className="space-y-4">
          {setup ? <WebhookSetupReveal setup={setup} /> : null}
          <div className="flex justify-end">
            <Button onClick={() => setSetup(null)}>Done</Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}

/** Send test, edit, rotate (webhooks, Jira, GitHub) and delete: what whoever owns a connection can do with it. */
export function ConnectionActions({ owner, connection }: { owner: TOwnerRef; connection: TConnectionView }) {
  return (
    <div className="flex flex-wrap items-center justify-end gap-1">
      <TestConnectionButton owner={owner} connection={connection} />
      <EditDialog
        name={connection.name}
        description="Rename it, or replace what it connects with. Secrets are never shown: an empty field keeps the stored one."
      >
        {({ close, done }) => <ConnectionForm owner={owner} connection={connection} onDone={done} onCancel={close} />}
      </EditDialog>
      {connection.kind === "webhook" ? <RotateSigningSecret owner={owner} connection={connection} /> : null}
      {isTicketConnectionKind(connection.kind) ? <RotateWebhookSecret owner={owner} connection={connection} /> : null}
      <ConfirmAction
        action={deleteConnectionAction}
        fields={{ org: owner.orgSlug, team: owner.teamSlug, connectionId: connection.id }}
        triggerLabel="Delete"
        triggerAriaLabel={`Delete ${connection.name}`}
        title={`Delete ${connection.name}?`}
        description={`${deleteConnectionText(connection.subscriptionCount)} Messages already sent stay in the delivery log.`}
        confirmLabel="Delete connection"
        pendingLabel="Deleting…"
      />
    </div>
  );
}

/** "Add connection": choose the kind, then its fields. */
export function AddConnectionButton({ owner }: { owner: TOwnerRef }) {
  return (
    <FormDialog
      label="Add connection"
      title="New connection"
      description="Secrets are stored encrypted and only a hint of them is ever shown again."
    >
      {({ close, done }) => <ConnectionForm owner={owner} onDone={done} onCancel={close} />}
    </FormDialog>
  );
}

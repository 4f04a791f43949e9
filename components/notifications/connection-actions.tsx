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

/**
 * A new secret for a webhook (its signing secret) or a Jira / GitHub connection (its webhook
 * secret): the old one stops working at once, the new one is shown once.
 */
function RotateSecret({ owner, connection }: { owner: TOwnerRef; connection: TConnectionView }) {
  const [answer, setAnswer] = useState<{ signingSecret?: string; webhook?: TWebhookSetup } | null>(null);
  const what = connection.kind === "webhook" ? "signing secret" : "webhook secret";
  return (
    <>
      <ConfirmAction
        action={rotateSigningSecretAction}
        fields={{ org: owner.orgSlug, team: owner.teamSlug, connectionId: connection.id }}
        triggerLabel={`Rotate ${what}`}
        triggerAriaLabel={`Rotate the ${what} of ${connection.name}`}
        title={`Rotate the ${what} of ${connection.name}?`}
        description={
          connection.kind === "webhook"
            ? "Requests are signed with a new secret from now on: the receiver refuses them until it has the new one."
            : "Deliveries with the old secret are refused from now on: ticket changes do not reach Bumpers until the webhook is registered again with the new one."
        }
        confirmLabel="Rotate secret"
        pendingLabel="Rotating…"
        onSuccess={(data) => setAnswer(data)}
      />
      <Dialog open={answer !== null} onClose={() => setAnswer(null)} title={`New ${what} of ${connection.name}`}>
        <div className="space-y-4">
          {answer?.webhook ? <WebhookSetupReveal setup={answer.webhook} /> : null}
          {answer?.signingSecret ? (
            <>
              <SecretReveal label="Signing secret" value={answer.signingSecret} />
              <p className="text-sm text-slate-600">
                Replace the old secret in the receiver now: requests signed with this one fail there until you do.
              </p>
            </>
          ) : null}
          <div className="flex justify-end">
            <Button onClick={() => setAnswer(null)}>Done</Button>
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
      {connection.kind === "webhook" || isTicketConnectionKind(connection.kind) ? (
        <RotateSecret owner={owner} connection={connection} />
      ) : null}
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

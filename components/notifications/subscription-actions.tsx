"use client";

import { deleteSubscriptionAction, sendDigestNowAction } from "@/lib/notifications/actions";
import type { TConnectionChoice } from "@/lib/notifications/page-state";
import type { TSubscriptionView } from "@/lib/notifications/subscriptions/queries";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { EditDialog, FormDialog } from "@/components/ui/form-dialog";
import type { TOwnerRef } from "./connection-form";
import { SendDigestNow } from "./send-digest-now";
import { SubscriptionForm } from "./subscription-form";

type TEditing = { owner: TOwnerRef; connections: TConnectionChoice[]; timeZone: string };

const DESCRIPTION = "Where it goes, and what: events as they happen (matched like alert rules) or a digest.";

/** "Add subscription": the subscription form in a dialog. */
export function AddSubscriptionButton(editing: TEditing) {
  return (
    <FormDialog label="Add subscription" title="New subscription" description={DESCRIPTION}>
      {({ close, done }) => <SubscriptionForm {...editing} onDone={done} onCancel={close} />}
    </FormDialog>
  );
}

/** Edit and Delete of one subscription. */
export function SubscriptionActions({ subscription: s, ...editing }: TEditing & { subscription: TSubscriptionView }) {
  return (
    <div className="flex flex-wrap items-center gap-1">
      {s.kind === "digest" && s.enabled ? (
        <SendDigestNow
          action={sendDigestNowAction}
          fields={{ org: editing.owner.orgSlug, team: editing.owner.teamSlug, subscriptionId: s.id }}
          name={s.name}
          where={s.targetLabel || s.target || "its destination"}
        />
      ) : null}
      <EditDialog name={s.name} description={DESCRIPTION}>
        {({ close, done }) => <SubscriptionForm {...editing} subscription={s} onDone={done} onCancel={close} />}
      </EditDialog>
      <ConfirmAction
        action={deleteSubscriptionAction}
        fields={{ org: editing.owner.orgSlug, team: editing.owner.teamSlug, subscriptionId: s.id }}
        triggerLabel="Delete"
        triggerAriaLabel={`Delete ${s.name}`}
        title={`Delete ${s.name}?`}
        description="Nothing more is sent for it. Messages already sent stay where they are."
        confirmLabel="Delete subscription"
        pendingLabel="Deleting…"
      />
    </div>
  );
}

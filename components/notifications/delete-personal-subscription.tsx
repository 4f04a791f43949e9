"use client";

import { deletePersonalSubscriptionAction } from "@/lib/notifications/actions";
import { ConfirmAction } from "@/components/ui/confirm-action";

/** Ends one of the caller's own subscriptions. */
export function DeletePersonalSubscription({
  orgSlug,
  subscription,
}: {
  orgSlug: string;
  subscription: { id: string; name: string };
}) {
  return (
    <ConfirmAction
      action={deletePersonalSubscriptionAction}
      fields={{ org: orgSlug, subscriptionId: subscription.id }}
      triggerLabel="Delete"
      triggerAriaLabel={`Delete ${subscription.name}`}
      title={`Stop the ${subscription.name}?`}
      description="No more of these mails are sent to you. You can subscribe again at any time."
      confirmLabel="Delete subscription"
      pendingLabel="Deleting…"
    />
  );
}

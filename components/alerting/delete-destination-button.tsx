"use client";

import { deleteDestinationAction } from "@/lib/alerting/actions";
import { ConfirmAction } from "@/components/ui/confirm-action";

/** Deletes a destination after confirmation (its open incidents are resolved first), then shows the list. */
export function DeleteDestinationButton({
  orgSlug,
  destination,
}: {
  orgSlug: string;
  destination: { id: string; name: string; openIncidents: number; ruleCount: number };
}) {
  const consequences = [
    destination.openIncidents
      ? `its ${destination.openIncidents} open incident${destination.openIncidents === 1 ? " is" : "s are"} resolved first`
      : null,
    destination.ruleCount
      ? `${destination.ruleCount} rule${destination.ruleCount === 1 ? "" : "s"} sending to it lose their destination`
      : null,
  ].filter(Boolean);
  return (
    <ConfirmAction
      action={deleteDestinationAction}
      fields={{ org: orgSlug, destinationId: destination.id }}
      triggerLabel="Delete"
      title={`Delete ${destination.name}?`}
      description={`Nothing will be sent to this PagerDuty service any more${
        consequences.length ? `: ${consequences.join("; ")}` : ""
      }. Its delivery log stays.`}
      confirmLabel="Delete destination"
      pendingLabel="Deleting…"
    />
  );
}

"use client";

import { deleteExemptionAction } from "@/lib/policies/actions";
import { ConfirmAction } from "@/components/ui/confirm-action";

export function DeleteExemptionButton({ orgSlug, id, label }: { orgSlug: string; id: string; label: string }) {
  return (
    <ConfirmAction
      action={deleteExemptionAction}
      fields={{ org: orgSlug, id }}
      triggerLabel="Delete"
      title={`Delete the exemption for ${label}?`}
      description="The checks apply to these objects again from the next admission review. Findings resolved in the app stay resolved."
      confirmLabel="Delete exemption"
      pendingLabel="Deleting…"
    />
  );
}

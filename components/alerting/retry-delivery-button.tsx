"use client";

import { retryDeliveryAction } from "@/lib/alerting/actions";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";

/** Sends a failed delivery again (org admins); the log refreshes with its new state. */
export function RetryDeliveryButton({ orgSlug, eventId }: { orgSlug: string; eventId: string }) {
  const { submit, pending, formError } = useActionForm(retryDeliveryAction);
  return (
    <form onSubmit={submit} className="mt-1">
      <HiddenFields values={{ org: orgSlug, eventId }} />
      <SubmitButton variant="secondary" size="sm" pending={pending} pendingLabel="Queuing…">
        Retry
      </SubmitButton>
      {formError ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {formError}
        </p>
      ) : null}
    </form>
  );
}

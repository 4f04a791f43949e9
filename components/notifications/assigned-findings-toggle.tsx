"use client";

import { savePersonalSubscriptionAction } from "@/lib/notifications/actions";
import { Alert } from "@/components/ui/alert";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";

export const ASSIGNED_SUBSCRIPTION_NAME = "Findings assigned to me";

/** Subscribes the caller to a mail whenever someone assigns them a finding. */
export function AssignedFindingsToggle({ orgSlug, email }: { orgSlug: string; email: string }) {
  const { state, submit, pending, formError } = useActionForm(savePersonalSubscriptionAction);
  return (
    <form onSubmit={submit} aria-label="Assigned findings" className="space-y-3">
      <HiddenFields
        values={{
          org: orgSlug,
          kind: "events",
          name: ASSIGNED_SUBSCRIPTION_NAME,
          events: "finding.assigned",
          teamId: "",
        }}
      />
      <p className="text-sm text-slate-600">
        A mail to {email} when someone assigns you a finding, with what it is and a link to it. Several at once come as
        one mail.
      </p>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {state?.ok ? <Alert tone="success">Subscribed.</Alert> : null}
      <SubmitButton pending={pending} pendingLabel="Subscribing…">
        Email me when a finding is assigned to me
      </SubmitButton>
    </form>
  );
}

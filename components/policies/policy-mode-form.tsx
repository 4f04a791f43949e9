"use client";

import { useActionState } from "react";
import { setPolicyModeAction } from "@/lib/policies/actions";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { HiddenFields } from "@/components/ui/hidden-fields";

/** One button that switches the mode; the page shows the new mode once the server has it. */
export function PolicyModeForm({ orgSlug, passive }: { orgSlug: string; passive: boolean }) {
  const [result, action] = useActionState(setPolicyModeAction, null);
  return (
    <form action={action} className="flex shrink-0 flex-col items-end gap-2">
      <HiddenFields values={{ org: orgSlug, passive: passive ? "" : "on" }} />
      <SubmitButton variant={passive ? "primary" : "secondary"} pendingLabel="Switching…">
        {passive ? "Start enforcing" : "Switch to passive mode"}
      </SubmitButton>
      {result?.ok ? (
        <Alert tone="success">
          {result.data.passive ? "Passive mode is on." : "Blocking checks are enforced again."}
        </Alert>
      ) : null}
      {result && !result.ok ? <Alert tone="error">{result.error.message}</Alert> : null}
    </form>
  );
}

"use client";

import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm, type TFormAction } from "@/components/ui/use-action-form";
import { useReplaceRoute } from "@/components/ui/use-replace-route";
import { OrgNameSlugFields } from "./org-name-slug-fields";

export function CreateOrganizationForm({ action }: { action: TFormAction<{ orgSlug: string }> }) {
  const replaceRoute = useReplaceRoute();
  const { state, pending, submit, errors, formError } = useActionForm(action, {
    onSuccess: (data) => replaceRoute(`/o/${data.orgSlug}`),
  });

  return (
    // Submitted by hand rather than through `action`, so a refused name stays in the field.
    <form onSubmit={submit} className="mt-6 space-y-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {state?.ok ? <Alert tone="success">Organization created. Opening it…</Alert> : null}
      <OrgNameSlugFields errors={errors} autoFocus />
      <SubmitButton className="w-full" pending={pending} disabled={state?.ok} pendingLabel="Creating…">
        Create organization
      </SubmitButton>
    </form>
  );
}

"use client";

import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm, type TFormAction } from "@/components/ui/use-action-form";
import { useReplaceRoute } from "@/components/ui/use-replace-route";

export function AcceptInvitationButton({ action, token }: { action: TFormAction<{ orgSlug: string }>; token: string }) {
  const replaceRoute = useReplaceRoute();
  const { state, dispatch } = useActionForm(action, { onSuccess: (data) => replaceRoute(`/o/${data.orgSlug}`) });

  return (
    <form action={dispatch} className="mt-6 space-y-3">
      {state && !state.ok ? <Alert tone="error">{state.error.message}</Alert> : null}
      {state?.ok ? <Alert tone="success">You joined. Opening your dashboard…</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <SubmitButton className="w-full" pendingLabel="Joining…">
        Accept invitation
      </SubmitButton>
    </form>
  );
}

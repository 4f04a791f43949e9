"use client";

import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { TFormAction } from "@/components/ui/confirm-action";

export function AcceptInvitationButton({ action, token }: { action: TFormAction<{ orgSlug: string }>; token: string }) {
  const router = useRouter();
  const [state, dispatch] = useActionState(action, null);

  useEffect(() => {
    if (!state?.ok) return;
    router.replace(`/o/${state.data.orgSlug}`);
    router.refresh();
  }, [state, router]);

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

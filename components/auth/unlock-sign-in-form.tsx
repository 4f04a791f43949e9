"use client";

import { Alert } from "@/components/ui/alert";
import { LinkButton } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm, type TFormAction } from "@/components/ui/use-action-form";

export function UnlockSignInForm({ action, token }: { action: TFormAction<null>; token: string }) {
  const { state, dispatch, pending } = useActionForm(action);
  if (state?.ok) {
    return (
      <div className="mt-6 space-y-4">
        <Alert tone="success">Sign-ins to your account are open again.</Alert>
        <LinkButton href="/login" className="w-full">
          Sign in
        </LinkButton>
      </div>
    );
  }
  return (
    <form action={dispatch} className="mt-6 space-y-4">
      {state && !state.ok ? <Alert tone="error">{state.error.message}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <SubmitButton className="w-full" pending={pending} pendingLabel="Unlocking…">
        Unlock sign-in
      </SubmitButton>
    </form>
  );
}

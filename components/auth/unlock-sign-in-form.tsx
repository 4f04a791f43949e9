"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, LinkButton } from "@/components/ui/button";
import type { TFormAction } from "@/components/ui/confirm-action";

export function UnlockSignInForm({ action, token }: { action: TFormAction<null>; token: string }) {
  const [state, dispatch, pending] = useActionState(action, null);
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
      <Button type="submit" className="w-full" disabled={pending} aria-busy={pending}>
        {pending ? "Unlocking…" : "Unlock sign-in"}
      </Button>
    </form>
  );
}

"use client";

import { SignInAfterActionNotice, useSignInAfterAction } from "@/components/auth/sign-in-after-action";
import { NewAccountFields } from "@/components/auth/new-account-fields";
import { Alert } from "@/components/ui/alert";
import { Field, Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { TFormAction } from "@/components/ui/use-action-form";

/** Creates the invitee's account and membership, then signs them in and opens the org. */
export function JoinWithNewAccountForm({
  action,
  token,
  email,
}: {
  action: TFormAction<{ orgSlug: string; email: string }>;
  token: string;
  email: string;
}) {
  const form = useSignInAfterAction(action, (data) => `/o/${data.orgSlug}`);

  if (form.destination) {
    return (
      <SignInAfterActionNotice done="You joined." destination={form.destination} signInFailed={form.signInFailed} />
    );
  }

  return (
    // Submitted by hand rather than through `action`, so the fields keep their values on an error.
    <form onSubmit={form.submit} className="mt-6 space-y-4">
      {form.formError ? <Alert tone="error">{form.formError}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <Field id="invite-account-email" label="Email">
        <Input value={email} readOnly disabled autoComplete="username" />
      </Field>
      <NewAccountFields errors={form.errors} passwordLabel="Choose a password" autoFocus />
      <SubmitButton className="w-full" pending={form.pending} pendingLabel="Joining…">
        Create account and join
      </SubmitButton>
    </form>
  );
}

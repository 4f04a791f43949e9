"use client";

import { SignInAfterActionForm, useSignInAfterAction } from "@/components/auth/sign-in-after-action";
import { NewAccountFields } from "@/components/auth/new-account-fields";
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
  return (
    <SignInAfterActionForm
      form={form}
      token={token}
      email={email}
      emailId="invite-account-email"
      done="You joined."
      submitLabel="Create account and join"
      pendingLabel="Joining…"
    >
      <NewAccountFields errors={form.errors} passwordLabel="Choose a password" autoFocus />
    </SignInAfterActionForm>
  );
}

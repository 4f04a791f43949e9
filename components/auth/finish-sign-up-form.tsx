"use client";

import { Field, Input } from "@/components/ui/field";
import type { TFormAction } from "@/components/ui/use-action-form";
import { SignInAfterActionForm, useSignInAfterAction } from "./sign-in-after-action";

/**
 * The emailed sign-up link's form: the password chosen at sign-up creates the account and the
 * organization, then signs in with it. Without an organization (its URL was taken in the
 * meantime) the new owner lands on the page that creates one.
 */
export function FinishSignUpForm({
  action,
  token,
  email,
}: {
  action: TFormAction<{ email: string; orgSlug: string | null }>;
  token: string;
  email: string;
}) {
  const form = useSignInAfterAction(action, (data) => (data.orgSlug ? `/o/${data.orgSlug}` : "/orgs/new"));
  return (
    <SignInAfterActionForm
      form={form}
      token={token}
      email={email}
      emailId="finish-sign-up-email"
      done="Your account is ready."
      submitLabel="Confirm and create organization"
      pendingLabel="Creating…"
    >
      <Field
        id="password"
        label="Password"
        hint="The password you chose when you signed up."
        errors={form.errors.password}
      >
        <Input name="password" type="password" autoComplete="current-password" required autoFocus />
      </Field>
    </SignInAfterActionForm>
  );
}

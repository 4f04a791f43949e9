"use client";

import { Alert } from "@/components/ui/alert";
import { Field, Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { TFormAction } from "@/components/ui/use-action-form";
import { SignInAfterActionNotice, useSignInAfterAction } from "./sign-in-after-action";

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

  if (form.destination) {
    return (
      <SignInAfterActionNotice
        done="Your account is ready."
        destination={form.destination}
        signInFailed={form.signInFailed}
      />
    );
  }

  return (
    // Submitted by hand rather than through `action`, so the field keeps its value on an error.
    <form onSubmit={form.submit} className="mt-6 space-y-4">
      {form.formError ? <Alert tone="error">{form.formError}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <Field id="finish-sign-up-email" label="Email">
        <Input value={email} readOnly disabled autoComplete="username" />
      </Field>
      <Field
        id="password"
        label="Password"
        hint="The password you chose when you signed up."
        errors={form.errors.password}
      >
        <Input name="password" type="password" autoComplete="current-password" required autoFocus />
      </Field>
      <SubmitButton className="w-full" pending={form.pending} pendingLabel="Creating…">
        Confirm and create organization
      </SubmitButton>
    </form>
  );
}

"use client";

import { signUpAction } from "@/lib/auth/actions";
import { Alert } from "@/components/ui/alert";
import { Field, Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { OrgNameSlugFields } from "@/components/orgs/org-name-slug-fields";
import { NewAccountFields } from "./new-account-fields";

export function SignUpForm() {
  const { state, pending, submit, errors } = useActionForm(signUpAction);

  // The same answer whether or not the address already has an account (lib/orgs/sign-up.ts).
  if (state?.ok) {
    return (
      <Alert tone="success" className="mt-6">
        <p className="font-medium">Check your email to finish signing up</p>
        <p className="mt-1">
          We sent a link to {state.data.email}. Open it within 24 hours to confirm the address and create your
          organization.
        </p>
      </Alert>
    );
  }

  return (
    // Submitted by hand rather than through `action`, so that a refused form keeps what was typed.
    <form onSubmit={submit} className="mt-6 space-y-4">
      {state && !state.ok ? <Alert tone="error">{state.error.message}</Alert> : null}
      <NewAccountFields errors={errors}>
        <Field id="email" label="Work email" errors={errors.email}>
          <Input name="email" type="email" autoComplete="email" required />
        </Field>
      </NewAccountFields>
      <OrgNameSlugFields errors={errors} />
      <SubmitButton className="w-full" pending={pending} pendingLabel="Creating…">
        Create organization
      </SubmitButton>
    </form>
  );
}

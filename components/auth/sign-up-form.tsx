"use client";

import { startTransition, useActionState } from "react";
import { signUpAction } from "@/app/(auth)/signup/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { OrgNameSlugFields } from "@/components/orgs/org-name-slug-fields";

export function SignUpForm() {
  const [state, dispatch, pending] = useActionState(signUpAction, null);
  const errors = state && !state.ok ? (state.error.fieldErrors ?? {}) : {};

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
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        startTransition(() => dispatch(form));
      }}
      className="mt-6 space-y-4"
    >
      {state && !state.ok ? <Alert tone="error">{state.error.message}</Alert> : null}
      <Field id="name" label="Your name" errors={errors.name}>
        <Input id="name" name="name" autoComplete="name" required aria-invalid={Boolean(errors.name)} />
      </Field>
      <Field id="email" label="Work email" errors={errors.email}>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          aria-invalid={Boolean(errors.email)}
        />
      </Field>
      <Field id="password" label="Password" hint="At least 10 characters." errors={errors.password}>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={10}
          required
          aria-invalid={Boolean(errors.password)}
        />
      </Field>
      <OrgNameSlugFields errors={errors} />
      <Button type="submit" className="w-full" disabled={pending} aria-busy={pending}>
        {pending ? "Creating…" : "Create organization"}
      </Button>
    </form>
  );
}

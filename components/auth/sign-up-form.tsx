"use client";

import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { signUpAction } from "@/lib/auth/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { OrgNameSlugFields } from "@/components/orgs/org-name-slug-fields";

export function SignUpForm() {
  const router = useRouter();
  const [state, dispatch, pending] = useActionState(signUpAction, null);
  const credentials = useRef<{ email: string; password: string } | null>(null);
  const [signInError, setSignInError] = useState<string | null>(null);
  const errors = state && !state.ok ? (state.error.fieldErrors ?? {}) : {};

  useEffect(() => {
    if (!state?.ok || !credentials.current) return;
    const { email, password } = credentials.current;
    void signIn("credentials", { email, password, redirect: false }).then((result) => {
      if (result?.error) setSignInError("Your organization was created. Please sign in.");
      else {
        router.replace(`/o/${state.data.orgSlug}`);
        router.refresh();
      }
    });
  }, [state, router]);

  return (
    // Submitted by hand rather than through `action`, so that a refused form keeps what was typed.
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        credentials.current = { email: String(form.get("email")), password: String(form.get("password")) };
        startTransition(() => dispatch(form));
      }}
      className="mt-6 space-y-4"
    >
      {state && !state.ok ? <Alert tone="error">{state.error.message}</Alert> : null}
      {signInError ? <Alert tone="info">{signInError}</Alert> : null}
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
      <Button type="submit" className="w-full" disabled={pending || state?.ok} aria-busy={pending}>
        {pending ? "Creating…" : "Create organization"}
      </Button>
    </form>
  );
}

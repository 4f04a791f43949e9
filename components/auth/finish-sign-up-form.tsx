"use client";

import type { Route } from "next";
import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import type { TFormAction } from "@/components/ui/confirm-action";

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
  const router = useRouter();
  const [state, dispatch, pending] = useActionState(action, null);
  const password = useRef<string>("");
  const [signInFailed, setSignInFailed] = useState(false);
  const errors = state && !state.ok ? (state.error.fieldErrors ?? {}) : {};
  const destination = state?.ok ? (state.data.orgSlug ? `/o/${state.data.orgSlug}` : "/orgs/new") : "/";

  useEffect(() => {
    if (!state?.ok) return;
    void signIn("credentials", { email: state.data.email, password: password.current, redirect: false }).then(
      (result) => {
        password.current = "";
        if (!result || result.error) {
          setSignInFailed(true);
          return;
        }
        router.replace(destination as Route);
        router.refresh();
      },
    );
  }, [state, router, destination]);

  if (state?.ok) {
    return signInFailed ? (
      <Alert tone="info" className="mt-6">
        Your account is ready. Please{" "}
        <Link href={`/login?callbackUrl=${encodeURIComponent(destination)}`} className="font-medium underline">
          sign in
        </Link>{" "}
        to continue.
      </Alert>
    ) : (
      <Alert tone="success" className="mt-6">
        Your account is ready. Opening your dashboard…
      </Alert>
    );
  }

  return (
    // Submitted by hand rather than through `action`, so the field keeps its value on an error.
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        password.current = String(form.get("password") ?? "");
        startTransition(() => dispatch(form));
      }}
      className="mt-6 space-y-4"
    >
      {state && !state.ok && !state.error.fieldErrors ? <Alert tone="error">{state.error.message}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <Field id="finish-sign-up-email" label="Email">
        <Input id="finish-sign-up-email" value={email} readOnly disabled autoComplete="username" />
      </Field>
      <Field id="password" label="Password" hint="The password you chose when you signed up." errors={errors.password}>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          autoFocus
          aria-invalid={Boolean(errors.password)}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={pending} aria-busy={pending}>
        {pending ? "Creating…" : "Confirm and create organization"}
      </Button>
    </form>
  );
}

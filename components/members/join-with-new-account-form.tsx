"use client";

import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { Alert } from "@/components/ui/alert";
import { Field, Input } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import type { TFormAction } from "@/components/ui/confirm-action";

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
  const router = useRouter();
  const [state, dispatch, pending] = useActionState(action, null);
  const password = useRef<string>("");
  const [signInFailed, setSignInFailed] = useState(false);
  const errors = state && !state.ok ? (state.error.fieldErrors ?? {}) : {};

  useEffect(() => {
    if (!state?.ok) return;
    const { orgSlug, email: accountEmail } = state.data;
    void signIn("credentials", { email: accountEmail, password: password.current, redirect: false }).then((result) => {
      password.current = "";
      if (!result || result.error) {
        setSignInFailed(true);
        return;
      }
      router.replace(`/o/${orgSlug}`);
      router.refresh();
    });
  }, [state, router]);

  if (state?.ok) {
    return signInFailed ? (
      <Alert tone="info" className="mt-6">
        You joined. Please{" "}
        <Link href={`/login?callbackUrl=/o/${state.data.orgSlug}`} className="font-medium underline">
          sign in
        </Link>{" "}
        to continue.
      </Alert>
    ) : (
      <Alert tone="success" className="mt-6">
        You joined. Opening your dashboard…
      </Alert>
    );
  }

  return (
    // Submitted by hand rather than through `action`, so the fields keep their values on an error.
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
      <Field id="invite-account-email" label="Email">
        <Input id="invite-account-email" value={email} readOnly disabled autoComplete="username" />
      </Field>
      <Field id="name" label="Your name" errors={errors.name}>
        <Input id="name" name="name" autoComplete="name" required autoFocus aria-invalid={Boolean(errors.name)} />
      </Field>
      <Field id="password" label="Choose a password" hint="At least 10 characters." errors={errors.password}>
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
      <Button type="submit" className="w-full" disabled={pending} aria-busy={pending}>
        {pending ? "Joining…" : "Create account and join"}
      </Button>
    </form>
  );
}

"use client";

import Link from "next/link";
import { useRef, useState, type ReactNode } from "react";
import { signIn } from "next-auth/react";
import { Alert } from "@/components/ui/alert";
import { Field, Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm, type TFormAction } from "@/components/ui/use-action-form";
import { useReplaceRoute } from "@/components/ui/use-replace-route";

/**
 * A form whose action creates an account, then signs in with the password the form posted and
 * opens `destinationOf(data)`. The password is kept only between the post and the sign-in. When
 * the sign-in fails, `signInFailed` is set and the account still exists: the user signs in by hand.
 */
export function useSignInAfterAction<T extends { email: string }>(
  action: TFormAction<T>,
  destinationOf: (data: T) => string,
) {
  const replaceRoute = useReplaceRoute();
  const password = useRef("");
  const [signInFailed, setSignInFailed] = useState(false);
  const form = useActionForm(action, {
    beforeSubmit: (data) => {
      password.current = String(data.get("password") ?? "");
    },
    onSuccess: (data) => {
      void signIn("credentials", { email: data.email, password: password.current, redirect: false }).then((result) => {
        password.current = "";
        if (!result || result.error) setSignInFailed(true);
        else replaceRoute(destinationOf(data));
      });
    },
  });
  const destination = form.state?.ok ? destinationOf(form.state.data) : null;
  return { ...form, destination, signInFailed };
}

/**
 * The form of an emailed link (finishing a sign-up, joining with an invitation): the link's token,
 * the address it was sent to (read-only), the fields the action needs, and once the account exists
 * what happens next. Posted by hand, so the fields keep their values on an error.
 */
export function SignInAfterActionForm<T extends { email: string }>({
  form,
  token,
  email,
  emailId,
  done,
  submitLabel,
  pendingLabel,
  children,
}: {
  form: ReturnType<typeof useSignInAfterAction<T>>;
  token: string;
  email: string;
  emailId: string;
  /** What was done, e.g. "You joined." */
  done: string;
  submitLabel: string;
  pendingLabel: string;
  children: ReactNode;
}) {
  if (form.destination) {
    return <SignInAfterActionNotice done={done} destination={form.destination} signInFailed={form.signInFailed} />;
  }
  return (
    <form onSubmit={form.submit} className="mt-6 space-y-4">
      {form.formError ? <Alert tone="error">{form.formError}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <Field id={emailId} label="Email">
        <Input value={email} readOnly disabled autoComplete="username" />
      </Field>
      {children}
      <SubmitButton className="w-full" pending={form.pending} pendingLabel={pendingLabel}>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}

/** What the page says once the account exists: opening the dashboard, or a link to sign in by hand. */
function SignInAfterActionNotice({
  done,
  destination,
  signInFailed,
}: {
  /** What was done, e.g. "You joined." */
  done: ReactNode;
  destination: string;
  signInFailed: boolean;
}) {
  return signInFailed ? (
    <Alert tone="info" className="mt-6">
      {done} Please{" "}
      <Link href={`/login?callbackUrl=${encodeURIComponent(destination)}`} className="font-medium underline">
        sign in
      </Link>{" "}
      to continue.
    </Alert>
  ) : (
    <Alert tone="success" className="mt-6">
      {done} Opening your dashboard…
    </Alert>
  );
}

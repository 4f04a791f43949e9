"use client";

import Link from "next/link";
import { useRef, useState, type ReactNode } from "react";
import { signIn } from "next-auth/react";
import { Alert } from "@/components/ui/alert";
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

/** What the page says once the account exists: opening the dashboard, or a link to sign in by hand. */
export function SignInAfterActionNotice({
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

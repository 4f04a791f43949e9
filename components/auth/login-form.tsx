"use client";

import type { Route } from "next";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { Alert } from "@/components/ui/alert";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

const ERROR_TEXT: Record<string, string> = {
  CredentialsSignin: "That email and password do not match an account.",
  OAuthNoEmail: "Your provider did not share an email address, so we cannot sign you in.",
  OAuthAccountNotLinked: "This email already signs in another way.",
  RateLimited: "Too many sign-in attempts from your network. Wait a minute, then try again.",
};

function describe(error: string | undefined | null): string | null {
  if (!error) return null;
  // Our throttle message comes through as is; next-auth's codes get readable text.
  return ERROR_TEXT[error] ?? (error.includes(" ") ? error : "Sign-in failed. Please try again.");
}

export function LoginForm({
  callbackUrl,
  providers,
  initialError,
}: {
  callbackUrl: string;
  providers: { id: string; name: string }[];
  initialError?: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(describe(initialError));
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (!result || result.error) {
      setPending(false);
      setError(describe(result?.error ?? "CredentialsSignin"));
      return;
    }
    router.replace(safeCallbackUrl(callbackUrl, window.location.origin) as Route);
    router.refresh();
  }

  return (
    <div className="mt-6 space-y-4">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <form onSubmit={onSubmit} className="space-y-4" noValidate={false}>
        <Field id="email" label="Email">
          <Input name="email" type="email" autoComplete="email" required autoFocus />
        </Field>
        <Field id="password" label="Password">
          <Input name="password" type="password" autoComplete="current-password" required />
        </Field>
        <SubmitButton className="w-full" pending={pending} pendingLabel="Signing in…">
          Sign in
        </SubmitButton>
      </form>
      {providers.length ? (
        <div className="space-y-2 border-t border-slate-100 pt-4">
          {providers.map((p) => (
            <Button
              key={p.id}
              variant="secondary"
              className="w-full"
              onClick={() => void signIn(p.id, { callbackUrl })}
            >
              Continue with {p.name}
            </Button>
          ))}
        </div>
      ) : null}
    </div>
  );
}

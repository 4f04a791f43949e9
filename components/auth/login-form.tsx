"use client";

import type { Route } from "next";
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { Alert } from "@/components/ui/alert";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { describeSignInError } from "./sign-in-errors";
import { SsoChoice, ssoHref, type TSsoOption } from "./sso-choice";

// Email first: "Continue" asks whether an organization's single sign-on answers for the email's
// domain (/api/sso/discover). If one does, its button leads; the password form stays for orgs that
// do not enforce SSO, and hides behind a break-glass link for owners of orgs that do. Otherwise the
// password form and the OAuth buttons, as before. Changing the email goes back to "Continue".

type TDiscovered = { email: string; sso: TSsoOption | null };

const normalized = (email: string) => email.trim().toLowerCase();

async function discover(email: string): Promise<{ sso: TSsoOption | null } | { error: string }> {
  try {
    const res = await fetch("/api/sso/discover", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email }),
    });
    if (res.status === 429) return { error: "RateLimited" };
    // Any other failure falls back to the password form: enforcement still applies once signed in.
    if (!res.ok) return { sso: null };
    return (await res.json()) as { sso: TSsoOption | null };
  } catch {
    return { sso: null };
  }
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
  const [error, setError] = useState<string | null>(describeSignInError(initialError));
  const [pending, setPending] = useState(false);
  const [email, setEmail] = useState("");
  const [discovered, setDiscovered] = useState<TDiscovered | null>(null);
  const [breakGlass, setBreakGlass] = useState(false);
  const ssoRef = useRef<HTMLAnchorElement>(null);

  // What the email typed now leads to; a changed email has to be looked up again.
  const current = discovered && discovered.email === normalized(email) ? discovered : null;
  const sso = current?.sso ?? null;
  const step = !current ? "email" : sso ? "sso" : "password";
  const passwordShown = step === "password" || (step === "sso" && (!sso?.enforced || breakGlass));

  // Focus follows the step: the SSO button, or the password field once it appears.
  useEffect(() => {
    if (step === "sso" && !breakGlass) ssoRef.current?.focus();
    else if (passwordShown) document.getElementById("password")?.focus();
  }, [step, breakGlass, passwordShown]);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (step === "email") {
      setPending(true);
      setError(null);
      const answer = await discover(normalized(email));
      setPending(false);
      if ("error" in answer) {
        setError(describeSignInError(answer.error));
        return;
      }
      setBreakGlass(false);
      setDiscovered({ email: normalized(email), sso: answer.sso });
      return;
    }
    if (!passwordShown && sso) {
      window.location.assign(ssoHref(sso, callbackUrl));
      return;
    }
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: normalized(email),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (!result || result.error) {
      setPending(false);
      setError(describeSignInError(result?.error ?? "CredentialsSignin"));
      return;
    }
    router.replace(safeCallbackUrl(callbackUrl, window.location.origin) as Route);
    router.refresh();
  }

  return (
    <div className="mt-6 space-y-4">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <form onSubmit={onSubmit} className="space-y-4">
        <Field id="email" label="Email">
          <Input
            name="email"
            type="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </Field>
        {step === "email" ? (
          <SubmitButton className="w-full" pending={pending} pendingLabel="Checking…">
            Continue
          </SubmitButton>
        ) : null}
        {sso ? (
          <SsoChoice
            sso={sso}
            callbackUrl={callbackUrl}
            passwordShown={passwordShown}
            onShowPassword={() => setBreakGlass(true)}
            linkRef={ssoRef}
          />
        ) : null}
        {passwordShown ? (
          <>
            <Field id="password" label="Password">
              <Input name="password" type="password" autoComplete="current-password" required />
            </Field>
            <SubmitButton
              className="w-full"
              variant={sso ? "secondary" : "primary"}
              pending={pending}
              pendingLabel="Signing in…"
            >
              {sso ? "Sign in with password" : "Sign in"}
            </SubmitButton>
          </>
        ) : null}
      </form>
      {providers.length && step !== "sso" ? (
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

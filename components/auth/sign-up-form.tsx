"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { signUpAction } from "@/app/(auth)/signup/actions";
import { Alert } from "@/components/ui/alert";
import { Field, Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { slugify } from "@/lib/orgs/schemas";

export function SignUpForm() {
  const router = useRouter();
  const [state, action] = useActionState(signUpAction, null);
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
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
    <form
      action={action}
      onSubmit={(e) => {
        const form = new FormData(e.currentTarget);
        credentials.current = { email: String(form.get("email")), password: String(form.get("password")) };
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
      <Field id="orgName" label="Organization name" errors={errors.orgName}>
        <Input
          id="orgName"
          name="orgName"
          required
          aria-invalid={Boolean(errors.orgName)}
          onChange={(e) => {
            if (!slugEdited) setSlug(slugify(e.target.value));
          }}
        />
      </Field>
      <Field
        id="orgSlug"
        label="Organization URL"
        hint={`Your dashboard will live at /o/${slug || "your-org"}`}
        errors={errors.orgSlug}
      >
        <Input
          id="orgSlug"
          name="orgSlug"
          required
          value={slug}
          aria-invalid={Boolean(errors.orgSlug)}
          onChange={(e) => {
            setSlugEdited(true);
            setSlug(e.target.value);
          }}
        />
      </Field>
      <SubmitButton className="w-full" pendingLabel="Creating…">
        Create organization
      </SubmitButton>
    </form>
  );
}

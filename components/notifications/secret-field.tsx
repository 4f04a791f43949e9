"use client";

import type { ReactNode } from "react";
import { Field, Input } from "@/components/ui/field";

// A connection's secret field (a token, a private key or a webhook URL). Secrets never come back to
// the form, so an edit shows the stored secret's hint instead: the field is "New …" and left empty
// keeps the stored one.

export function SecretField({
  id,
  name,
  secret,
  errors,
  keep,
  hint,
  className,
  placeholder,
  children,
}: {
  id: (name: string) => string;
  name: string;
  /** What it holds, as it reads after "New" ("API token", "private key"). */
  secret: string;
  errors: Record<string, string[]>;
  /** Editing: the stored secret's hint ("…9f2c", "acme.atlassian.net · …9f2c"). */
  keep?: string;
  /** Where to find the secret, for a new connection. */
  hint?: string;
  className?: string;
  placeholder?: string;
  /** Another control than a password input; it is required when `keep` is unset. */
  children?: ReactNode;
}) {
  return (
    <Field
      id={id(name)}
      label={keep ? `New ${secret}` : secret.charAt(0).toUpperCase() + secret.slice(1)}
      errors={errors[name]}
      className={className}
      hint={keep ? `Leave empty to keep ${keep}.` : hint}
    >
      {children ?? (
        <Input name={name} type="password" autoComplete="new-password" required={!keep} placeholder={placeholder} />
      )}
    </Field>
  );
}

"use client";

import type { ReactNode } from "react";
import { Field, Input } from "@/components/ui/field";

/**
 * The name and new password of an account being created (sign-up, joining with an invitation).
 * `children` sit between the two: the email field, where the form asks for one.
 */
export function NewAccountFields({
  errors,
  passwordLabel = "Password",
  autoFocus,
  children,
}: {
  errors: Record<string, string[]>;
  passwordLabel?: string;
  autoFocus?: boolean;
  children?: ReactNode;
}) {
  return (
    <>
      <Field id="name" label="Your name" errors={errors.name}>
        <Input name="name" autoComplete="name" required autoFocus={autoFocus} />
      </Field>
      {children}
      <Field id="password" label={passwordLabel} hint="At least 10 characters." errors={errors.password}>
        <Input name="password" type="password" autoComplete="new-password" minLength={10} required />
      </Field>
    </>
  );
}

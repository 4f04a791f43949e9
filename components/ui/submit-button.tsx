"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { Button, type TButtonSize, type TButtonVariant } from "./button";

/**
 * A submit button that shows progress and blocks double submits while its form is pending. A form
 * posted by hand (`useActionForm`'s `submit`) is not one React's form status sees: pass `pending`.
 */
export function SubmitButton({
  children,
  pendingLabel,
  pending: pendingProp,
  disabled,
  variant,
  size,
  className,
  name,
  value,
}: {
  children: ReactNode;
  pendingLabel?: string;
  pending?: boolean;
  disabled?: boolean;
  variant?: TButtonVariant;
  size?: TButtonSize;
  className?: string;
  name?: string;
  value?: string;
}) {
  const status = useFormStatus();
  const pending = pendingProp ?? status.pending;
  return (
    <Button
      type="submit"
      variant={variant}
      size={size}
      className={className}
      disabled={pending || disabled}
      aria-busy={pending}
      name={name}
      value={value}
    >
      {pending ? (
        <>
          <span
            className="size-3.5 animate-spin rounded-full border-2 border-current border-t-transparent"
            aria-hidden
          />
          {pendingLabel ?? children}
        </>
      ) : (
        children
      )}
    </Button>
  );
}

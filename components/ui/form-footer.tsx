"use client";

import { Alert } from "./alert";
import { Button, type TButtonVariant } from "./button";
import { cn } from "./cn";
import { SubmitButton } from "./submit-button";

/**
 * The foot of a dialog's form: the refusal that names no field, Cancel, and the submit button.
 * `pending` is for a form posted by hand (React's form status does not see it); it also holds
 * Cancel while the answer is out. `cancelFirst` puts focus on Cancel, so that Enter pressed twice
 * in a confirmation does nothing.
 */
export function FormFooter({
  submitLabel,
  pendingLabel = "Saving…",
  pending,
  variant,
  error,
  onCancel,
  cancelFirst = false,
  className,
}: {
  submitLabel: string;
  pendingLabel?: string;
  pending?: boolean;
  variant?: TButtonVariant;
  error?: string | null;
  onCancel: () => void;
  cancelFirst?: boolean;
  className?: string;
}) {
  return (
    <>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className={cn("flex justify-end gap-2", className)}>
        <Button variant="secondary" autoFocus={cancelFirst} disabled={pending} onClick={onCancel}>
          Cancel
        </Button>
        <SubmitButton variant={variant} pending={pending} pendingLabel={pendingLabel}>
          {submitLabel}
        </SubmitButton>
      </div>
    </>
  );
}

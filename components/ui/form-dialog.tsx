"use client";

import { useCallback, useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { Button, type TButtonSize, type TButtonVariant } from "./button";
import { Dialog } from "./dialog";

/**
 * A button that opens a form in a dialog. The form gets `close` (Cancel) and `done` (saved:
 * closes and reloads the server's data, so the list behind shows the change).
 */
export function FormDialog({
  label,
  ariaLabel,
  variant = "primary",
  size = "md",
  title,
  description,
  children,
}: {
  label: string;
  /** The button's accessible name when its label is too short to say what it edits ("Edit"). */
  ariaLabel?: string;
  variant?: TButtonVariant;
  size?: TButtonSize;
  title: string;
  description?: ReactNode;
  children: (form: { close: () => void; done: () => void }) => ReactNode;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const done = useCallback(() => {
    setOpen(false);
    router.refresh();
  }, [router]);
  return (
    <>
      <Button variant={variant} size={size} onClick={() => setOpen(true)} aria-label={ariaLabel}>
        {label}
      </Button>
      <Dialog open={open} onClose={close} title={title} description={description}>
        {children({ close, done })}
      </Dialog>
    </>
  );
}

/** A row's "Edit" button (small, named after the row for screen readers) opening its form in a dialog. */
export function EditDialog({
  name,
  description,
  children,
}: {
  /** The row's name: the button says "Edit <name>" to assistive technology, and the dialog is titled so. */
  name: string;
  description?: ReactNode;
  children: (form: { close: () => void; done: () => void }) => ReactNode;
}) {
  return (
    <FormDialog
      label="Edit"
      ariaLabel={`Edit ${name}`}
      variant="ghost"
      size="sm"
      title={`Edit ${name}`}
      description={description}
    >
      {children}
    </FormDialog>
  );
}

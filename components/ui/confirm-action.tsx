"use client";

import { useState, type ComponentProps, type ReactNode } from "react";
import { Button } from "./button";
import { Dialog } from "./dialog";
import { FormFooter } from "./form-footer";
import { HiddenFields } from "./hidden-fields";
import { useActionForm, type TFormAction } from "./use-action-form";

/** The small red button that opens a destructive action's dialog. */
export function DangerTrigger(props: Omit<ComponentProps<typeof Button>, "size" | "variant" | "className">) {
  return <Button size="sm" variant="ghost" className="text-red-700 hover:bg-red-50 hover:text-red-800" {...props} />;
}

/**
 * A destructive action behind a confirmation dialog. Cancel has focus first, so pressing Enter
 * twice destroys nothing; a success closes the dialog, an error stays in it next to the buttons.
 */
export function ConfirmAction<T>({
  action,
  fields,
  triggerLabel,
  triggerAriaLabel,
  title,
  description,
  confirmLabel,
  pendingLabel,
  onSuccess,
}: {
  action: TFormAction<T>;
  /** Hidden inputs sent with the confirmation (ids, the org slug). */
  fields: Record<string, string>;
  triggerLabel: string;
  /** The trigger's accessible name when a list has one per row ("Delete Payments Slack"). */
  triggerAriaLabel?: string;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  onSuccess?: (data: T) => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <DangerTrigger onClick={() => setOpen(true)} aria-label={triggerAriaLabel}>
        {triggerLabel}
      </DangerTrigger>
      <Dialog open={open} onClose={() => setOpen(false)} title={title} description={description} size="sm">
        <ConfirmForm
          action={action}
          fields={fields}
          confirmLabel={confirmLabel}
          pendingLabel={pendingLabel}
          onCancel={() => setOpen(false)}
          onDone={(data) => {
            setOpen(false);
            onSuccess?.(data);
          }}
        />
      </Dialog>
    </>
  );
}

function ConfirmForm<T>({
  action,
  fields,
  confirmLabel,
  pendingLabel,
  onCancel,
  onDone,
}: {
  action: TFormAction<T>;
  fields: Record<string, string>;
  confirmLabel: string;
  pendingLabel: string;
  onCancel: () => void;
  onDone: (data: T) => void;
}) {
  const { state, pending, submit } = useActionForm(action, { onSuccess: onDone });
  return (
    <form onSubmit={submit} className="space-y-4">
      <HiddenFields values={fields} />
      <FormFooter
        submitLabel={confirmLabel}
        pendingLabel={pendingLabel}
        pending={pending}
        variant="danger"
        error={state && !state.ok ? state.error.message : null}
        onCancel={onCancel}
        cancelFirst
      />
    </form>
  );
}

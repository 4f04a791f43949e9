"use client";

import { startTransition, useActionState, useEffect, useRef, useState, type ReactNode } from "react";
import type { TActionResult } from "@/lib/server/action-result";
import { Alert } from "./alert";
import { Button } from "./button";
import { Dialog } from "./dialog";

export type TFormAction<T> = (prev: unknown, form: FormData) => Promise<TActionResult<T>>;

/**
 * A destructive action behind a confirmation dialog. Cancel has focus first, so pressing Enter
 * twice destroys nothing; a success closes the dialog, an error stays in it next to the buttons.
 */
export function ConfirmAction<T>({
  action,
  fields,
  triggerLabel,
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
  title: string;
  description: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  onSuccess?: (data: T) => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        className="text-red-700 hover:bg-red-50 hover:text-red-800"
        onClick={() => setOpen(true)}
      >
        {triggerLabel}
      </Button>
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
  const [state, dispatch, pending] = useActionState(action, null);
  const handled = useRef<unknown>(null);

  useEffect(() => {
    if (!state?.ok || handled.current === state) return;
    handled.current = state;
    onDone(state.data);
  }, [state, onDone]);

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        startTransition(() => dispatch(form));
      }}
      className="space-y-4"
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {state && !state.ok ? <Alert tone="error">{state.error.message}</Alert> : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" autoFocus disabled={pending} onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="danger" disabled={pending} aria-busy={pending}>
          {pending ? pendingLabel : confirmLabel}
        </Button>
      </div>
    </form>
  );
}

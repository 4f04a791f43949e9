"use client";

import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import type { TActionResult } from "@/lib/server/action-result";
import { Button } from "@/components/ui/button";

export type TFormAction<T> = (prev: unknown, form: FormData) => Promise<TActionResult<T>>;

/**
 * A destructive action behind an inline confirmation: the first button only asks; in the
 * confirmation Cancel has focus, so pressing Enter twice does not destroy anything.
 */
export function ConfirmAction<T>({
  action,
  fields,
  triggerLabel,
  prompt,
  confirmLabel,
  pendingLabel,
  onSuccess,
}: {
  action: TFormAction<T>;
  fields: Record<string, string>;
  triggerLabel: string;
  prompt: string;
  confirmLabel: string;
  pendingLabel: string;
  onSuccess?: (data: T) => void;
}) {
  const [open, setOpen] = useState(false);
  // After closing the confirmation, focus goes back to the button that opened it.
  const [returnFocus, setReturnFocus] = useState(false);
  const [state, dispatch, pending] = useActionState(action, null);
  const [seen, setSeen] = useState(state);
  const handled = useRef<unknown>(null);

  // Each result closes the confirmation (errors then show under the button).
  if (state !== seen) {
    setSeen(state);
    setOpen(false);
  }

  useEffect(() => {
    if (!state?.ok || handled.current === state) return;
    handled.current = state;
    onSuccess?.(state.data);
  }, [state, onSuccess]);

  const close = () => {
    setOpen(false);
    setReturnFocus(true);
  };

  if (!open) {
    return (
      <div className="flex flex-col items-end gap-1">
        <Button
          size="sm"
          variant="ghost"
          className="text-red-700 hover:bg-red-50 hover:text-red-800"
          autoFocus={returnFocus}
          onClick={() => setOpen(true)}
        >
          {triggerLabel}
        </Button>
        {state && !state.ok ? (
          <p role="alert" className="max-w-64 text-right text-xs text-red-600">
            {state.error.message}
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        startTransition(() => dispatch(form));
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape" && !pending) close();
      }}
      className="flex flex-wrap items-center justify-end gap-2"
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <span className="text-xs text-slate-600">{prompt}</span>
      <Button size="sm" variant="secondary" autoFocus disabled={pending} onClick={close}>
        Cancel
      </Button>
      <Button type="submit" size="sm" variant="danger" disabled={pending} aria-busy={pending}>
        {pending ? pendingLabel : confirmLabel}
      </Button>
    </form>
  );
}

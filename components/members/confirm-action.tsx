"use client";

import { startTransition, useActionState, useEffect, useId, useRef } from "react";
import type { TActionResult } from "@/lib/server/action-result";
import { Button } from "@/components/ui/button";

export type TFormAction<T> = (prev: unknown, form: FormData) => Promise<TActionResult<T>>;

/**
 * A destructive action behind a confirmation dialog. The native modal <dialog> keeps focus
 * inside, closes on Escape and returns focus to the trigger; Cancel has focus first, so
 * pressing Enter twice destroys nothing.
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
  fields: Record<string, string>;
  triggerLabel: string;
  title: string;
  description: string;
  confirmLabel: string;
  pendingLabel: string;
  onSuccess?: (data: T) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, dispatch, pending] = useActionState(action, null);
  const handled = useRef<unknown>(null);
  const titleId = useId();
  const descriptionId = useId();

  // A success closes the dialog; an error stays in it, next to the buttons.
  useEffect(() => {
    if (!state?.ok || handled.current === state) return;
    handled.current = state;
    dialog.current?.close();
    onSuccess?.(state.data);
  }, [state, onSuccess]);

  return (
    <>
      <Button size="sm" variant="ghost" onClick={() => dialog.current?.showModal()}>
        {triggerLabel}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        className="m-auto w-full max-w-sm rounded-lg border border-slate-200 bg-white p-0 text-left shadow-xl backdrop:bg-slate-900/40"
        onCancel={(e) => {
          if (pending) e.preventDefault();
        }}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            startTransition(() => dispatch(form));
          }}
          className="space-y-4 p-5"
        >
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <div>
            <h2 id={titleId} className="text-base font-semibold whitespace-normal text-slate-900">
              {title}
            </h2>
            <p id={descriptionId} className="mt-1 text-sm whitespace-normal text-slate-600">
              {description}
            </p>
          </div>
          {state && !state.ok ? (
            <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
              {state.error.message}
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" autoFocus disabled={pending} onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" disabled={pending} aria-busy={pending}>
              {pending ? pendingLabel : confirmLabel}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}

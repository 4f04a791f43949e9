"use client";

import { startTransition, useActionState, useEffect, useEffectEvent, useRef, type FormEvent } from "react";
import type { TActionResult } from "@/lib/server/action-result";

/** A server action as a form calls it (lib/api/action.ts builds them). */
export type TFormAction<T> = (prev: unknown, form: FormData) => Promise<TActionResult<T>>;

/** Field errors of a refused answer, keyed by field name; empty otherwise. */
export function fieldErrorsOf(state: TActionResult<unknown> | null): Record<string, string[]> {
  return state && !state.ok ? (state.error.fieldErrors ?? {}) : {};
}

/**
 * The state of a form posting to a server action: its answer, whether it is pending, the errors
 * per field, and the message of a refusal that names no field (it has no field to sit under).
 *
 * `submit` posts without React's reset of the form after the action, so a refused form keeps
 * what was typed; pass `dispatch` to `action` instead where uncontrolled fields should clear.
 * `onSuccess` runs once per successful answer (not again on a re-render).
 */
export function useActionForm<T>(
  action: TFormAction<T>,
  {
    onSuccess,
    beforeSubmit,
  }: {
    onSuccess?: (data: T) => void;
    /** Reads the form just before it is posted (e.g. a password to sign in with afterwards). */
    beforeSubmit?: (form: FormData) => void;
  } = {},
) {
  const [state, dispatch, pending] = useActionState(action, null);
  const handled = useRef<unknown>(null);
  const succeeded = useEffectEvent((data: T) => onSuccess?.(data));

  useEffect(() => {
    if (!state?.ok || handled.current === state) return;
    handled.current = state;
    succeeded(state.data);
  }, [state]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    beforeSubmit?.(form);
    startTransition(() => dispatch(form));
  };
  const errors = fieldErrorsOf(state);
  const formError = state && !state.ok && !state.error.fieldErrors ? state.error.message : null;
  return { state, dispatch, pending, submit, errors, formError };
}

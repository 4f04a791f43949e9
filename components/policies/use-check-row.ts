"use client";

import { useState } from "react";
import type { TCheckSeverity } from "@/lib/policies/types";
import { useActionForm, type TFormAction } from "@/components/ui/use-action-form";

/** What a check row's form holds; severity "" is "the default" (org row) or "the org's" (team row). */
export type TCheckRowValues = {
  enabled: boolean;
  severity: TCheckSeverity | "";
  blockAdmission: boolean;
  blockCi: boolean;
};

/**
 * One check row's form, shared by the org's and a team's tables: the controls' values, whether
 * they differ from what is saved, and the server's answer to the last save, shown only until the
 * user changes something again. A save posts without React's reset, so a refused change stays on
 * screen next to the message; without JavaScript the form posts to the same action.
 */
export function useCheckRow(action: TFormAction<unknown>, saved: TCheckRowValues) {
  const [values, setValues] = useState(saved);
  const [touched, setTouched] = useState(false);
  const { state, dispatch, pending, submit } = useActionForm(action, { beforeSubmit: () => setTouched(false) });
  const set =
    <K extends keyof TCheckRowValues>(key: K) =>
    (value: TCheckRowValues[K]) => {
      setValues((current) => ({ ...current, [key]: value }));
      setTouched(true);
    };
  const dirty = (Object.keys(saved) as (keyof TCheckRowValues)[]).some((key) => values[key] !== saved[key]);
  return {
    values,
    set,
    dirty,
    pending,
    dispatch,
    submit,
    saved: Boolean(state?.ok) && !touched,
    error: state && !state.ok && !touched ? state.error.message : null,
  };
}

export type TCheckRow = ReturnType<typeof useCheckRow>;

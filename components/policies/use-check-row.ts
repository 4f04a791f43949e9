"use client";

import { useState } from "react";
import type { TCheckSeverity } from "@/lib/policies/types";

/** What a check row's form holds; severity "" is "the default" (org row) or "the org's" (team row). */
export type TCheckRowValues = {
  enabled: boolean;
  severity: TCheckSeverity | "";
  blockAdmission: boolean;
  blockCi: boolean;
};

/**
 * The controls of one check row, shared by the org's and a team's tables: their values, whether
 * they differ from what is saved, and whether the user changed anything since the last answer
 * (a refused save's message shows only until then).
 */
export function useCheckRow(saved: TCheckRowValues) {
  const [values, setValues] = useState(saved);
  const [touched, setTouched] = useState(false);
  const set =
    <K extends keyof TCheckRowValues>(key: K) =>
    (value: TCheckRowValues[K]) => {
      setValues((current) => ({ ...current, [key]: value }));
      setTouched(true);
    };
  const dirty = (Object.keys(saved) as (keyof TCheckRowValues)[]).some((key) => values[key] !== saved[key]);
  return { values, set, dirty, touched, untouch: () => setTouched(false) };
}

"use client";

import { useState } from "react";

/**
 * Controlled text fields by name. A form posted through `action` is reset by React after every
 * answer; fields bound here keep what was typed when the answer is a refusal.
 */
export function useFieldValues<T extends Record<string, string>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const set = (name: keyof T, value: string) => setValues((current) => ({ ...current, [name]: value }));
  /** `name`, `value` and `onChange` of an Input, Select or Textarea. */
  const bind = (name: keyof T & string) => ({
    name,
    value: values[name] ?? "",
    onChange: (e: { target: { value: string } }) => set(name, e.target.value),
  });
  return { values, set, bind };
}

"use client";

import { CodeInput, Select } from "@/components/ui/field";

/** A select of the provider's names once they are fetched, else a text input (same field name). */
export function OptionInput({
  name,
  value,
  options,
  placeholder,
  emptyLabel,
}: {
  name: string;
  value: string;
  options: readonly string[] | null;
  placeholder?: string;
  /** The choice that leaves the provider's default ("" value). */
  emptyLabel?: string;
}) {
  if (!options?.length) return <CodeInput name={name} defaultValue={value} placeholder={placeholder} />;
  // The stored value stays selectable even when the provider no longer lists it.
  const choices = value && !options.includes(value) ? [value, ...options] : options;
  return (
    <Select name={name} defaultValue={value}>
      {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
      {choices.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </Select>
  );
}

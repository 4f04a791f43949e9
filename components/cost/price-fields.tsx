"use client";

import type { TPriceFieldSpec } from "@/lib/cost/format/price-specs";
import { Field, Input } from "@/components/ui/field";
import type { useFieldValues } from "@/components/ui/use-field-values";

/** Unit price inputs, two a row; an empty one takes the price shown as its placeholder. */
export function PriceFields({
  idPrefix,
  fields,
  errors,
  bind,
  autoFocus = false,
  inputClassName,
}: {
  idPrefix: string;
  fields: readonly TPriceFieldSpec[];
  errors: Record<string, string[]>;
  bind: ReturnType<typeof useFieldValues<Record<string, string>>>["bind"];
  /** Focus the first price (in a dialog). */
  autoFocus?: boolean;
  inputClassName?: string;
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {fields.map((f, i) => (
        <Field key={f.name} id={`${idPrefix}-${f.name}`} label={`${f.label} (${f.unit})`} errors={errors[f.name]}>
          <Input
            {...bind(f.name)}
            inputMode="decimal"
            autoFocus={autoFocus && i === 0}
            placeholder={f.placeholder}
            className={inputClassName ?? "tabular-nums"}
          />
        </Field>
      ))}
    </div>
  );
}

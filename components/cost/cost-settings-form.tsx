"use client";

import { useActionState, useState } from "react";
import { updateCostSettingsAction } from "@/lib/cost/actions";
import { Alert } from "@/components/ui/alert";
import { Field, Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

export type TPriceFieldSpec = { name: string; label: string; unit: string; placeholder: string };

/** Currency and the org's unit prices; an empty price uses the default shown as its placeholder. */
export function CostSettingsForm({
  orgSlug,
  currency,
  prices,
  fields,
}: {
  orgSlug: string;
  currency: string;
  prices: Record<string, string>;
  fields: readonly TPriceFieldSpec[];
}) {
  const [state, action] = useActionState(updateCostSettingsAction, null);
  const [values, setValues] = useState<Record<string, string>>({ currency, ...prices });
  const errors = state && !state.ok ? (state.error.fieldErrors ?? {}) : {};
  const bind = (name: string) => ({
    id: `cost-${name}`,
    name,
    value: values[name] ?? "",
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
    "aria-invalid": Boolean(errors[name]),
  });
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="org" value={orgSlug} />
      {state?.ok ? (
        <Alert tone="success">Saved. New prices apply to estimates from the next inventory on.</Alert>
      ) : null}
      {state && !state.ok && !state.error.fieldErrors ? <Alert tone="error">{state.error.message}</Alert> : null}
      <Field
        id="cost-currency"
        label="Currency"
        hint="ISO 4217 code. Figures are not converted: OpenCost and the cloud bill must already be in it."
        errors={errors.currency}
      >
        <Input {...bind("currency")} maxLength={3} className="w-28 uppercase" required />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        {fields.map((f) => (
          <Field key={f.name} id={`cost-${f.name}`} label={`${f.label} (${f.unit})`} errors={errors[f.name]}>
            <Input {...bind(f.name)} inputMode="decimal" placeholder={f.placeholder} className="w-48 tabular-nums" />
          </Field>
        ))}
      </div>
      <p className="text-xs text-slate-500">Leave a price empty to use the default shown in it.</p>
      <SubmitButton pendingLabel="Saving…">Save cost settings</SubmitButton>
    </form>
  );
}

"use client";

import { updateCostSettingsAction } from "@/lib/cost/actions";
import { Alert } from "@/components/ui/alert";
import { Field, Input } from "@/components/ui/field";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { useFieldValues } from "@/components/ui/use-field-values";
import type { TPriceFieldSpec } from "@/lib/cost/format/price-specs";
import { PriceFields } from "./price-fields";

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
  const { state, dispatch, errors, formError } = useActionForm(updateCostSettingsAction);
  const { bind } = useFieldValues<Record<string, string>>({ currency, ...prices });
  return (
    <form action={dispatch} className="space-y-4" noValidate>
      <HiddenFields values={{ org: orgSlug }} />
      {state?.ok ? (
        <Alert tone="success">Saved. New prices apply to estimates from the next inventory on.</Alert>
      ) : null}
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field
        id="cost-currency"
        label="Currency"
        hint="ISO 4217 code. Figures are not converted: OpenCost and the cloud bill must already be in it."
        errors={errors.currency}
      >
        <Input {...bind("currency")} maxLength={3} className="w-28 uppercase" required />
      </Field>
      <PriceFields idPrefix="cost" fields={fields} errors={errors} bind={bind} inputClassName="w-48 tabular-nums" />
      <p className="text-xs text-slate-500">Leave a price empty to use the default shown in it.</p>
      <SubmitButton pendingLabel="Saving…">Save cost settings</SubmitButton>
    </form>
  );
}

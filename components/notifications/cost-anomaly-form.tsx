"use client";

import { useState } from "react";
import { setCostAnomalyFactorAction } from "@/lib/notifications/actions";
import { Alert } from "@/components/ui/alert";
import { Field, Input } from "@/components/ui/field";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";

/** When a day's cost is an anomaly: above the trailing 14-day mean times this factor. */
export function CostAnomalyForm({ orgSlug, factor }: { orgSlug: string; factor: number }) {
  const { state, submit, pending, errors, formError } = useActionForm(setCostAnomalyFactorAction);
  // Controlled, so an answer with errors keeps what was typed.
  const [value, setValue] = useState(String(factor));
  return (
    <form onSubmit={submit} className="max-w-xl space-y-4" noValidate aria-label="Cost anomalies">
      <HiddenFields values={{ org: orgSlug }} />
      {state?.ok ? (
        <Alert tone="success">
          {state.data.changed
            ? `Saved. A day that costs more than ${state.data.costAnomalyFactor}× its 14-day mean is an anomaly.`
            : "No change: that is already the setting."}
        </Alert>
      ) : null}
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field
        id="costAnomalyFactor"
        label="A day's cost is an anomaly above"
        errors={errors.costAnomalyFactor}
        hint="Times the mean of the 14 days before it, per team and for the organization (1.1 to 10). Subscriptions with the “Cost anomaly” event get one message a day at most."
      >
        <div className="flex items-center gap-2">
          <Input
            name="costAnomalyFactor"
            type="number"
            inputMode="decimal"
            min={1.1}
            max={10}
            step={0.1}
            required
            value={value}
            onChange={(e) => setValue(e.target.value)}
            className="w-28"
          />
          <span className="text-sm text-slate-600">× the 14-day mean</span>
        </div>
      </Field>
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save
      </SubmitButton>
    </form>
  );
}

"use client";

import { useId } from "react";
import { saveBudgetAction } from "@/lib/cost/actions";
import { Alert } from "@/components/ui/alert";
import { Field, Input, Options, Select } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-footer";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { useActionForm } from "@/components/ui/use-action-form";
import { useFieldValues } from "@/components/ui/use-field-values";
import type { TBudgetFormFields } from "@/lib/cost/forms/budget-form";

export type TBudgetFormTeam = { id: string; name: string };

/** What a budget form is opened with; its dialog passes them through. */
export type TBudgetFormProps = {
  orgSlug: string;
  budgetId?: string;
  initial: TBudgetFormFields;
  /** Teams the user may set budgets for. */
  teams: readonly TBudgetFormTeam[];
  /** Whether "Whole organization" may be chosen for a label budget (org admins). */
  orgWide: boolean;
  labelKeys: readonly string[];
  currency: string;
};

const SCOPES = [
  { value: "team", label: "A team" },
  { value: "service", label: "A service of a team" },
  { value: "label", label: "A label value" },
];

const THRESHOLDS = [
  {
    name: "actualThresholds",
    label: "Spent this month reaches (% of the amount)",
    hint: "e.g. 80, 100",
    example: "80, 100",
  },
  {
    name: "forecastThresholds",
    label: "Month-end forecast reaches (%)",
    hint: "e.g. 100; leave empty for none",
    example: "100",
  },
] as const;

/**
 * Create or edit a monthly budget: for a team, a service of a team, or a label value (of a team,
 * or org-wide for org admins). Controlled fields keep what was typed when the server answers with
 * errors; each error sits under its field.
 */
export function BudgetForm({
  orgSlug,
  budgetId,
  initial,
  teams,
  orgWide,
  labelKeys,
  currency,
  onCancel,
  onSaved,
}: TBudgetFormProps & { onCancel: () => void; onSaved: () => void }) {
  const { dispatch, errors, formError } = useActionForm(saveBudgetAction, { onSuccess: onSaved });
  const { values: f, bind } = useFieldValues(initial);
  const id = useId();
  const fid = (name: keyof TBudgetFormFields) => `${id}-${name}`;
  const teamChoices = f.scope === "label" && orgWide ? [{ id: "", name: "Whole organization" }, ...teams] : teams;

  return (
    <form action={dispatch} className="space-y-4" noValidate>
      <HiddenFields values={{ org: orgSlug, budgetId }} />
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field id={fid("name")} label="Name" errors={errors.name}>
        <Input {...bind("name")} required maxLength={120} placeholder="Payments monthly" autoFocus />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={fid("scope")} label="Covers" errors={errors.scope}>
          <Select {...bind("scope")}>
            <Options options={SCOPES} />
          </Select>
        </Field>
        <Field id={fid("teamId")} label="Team" errors={errors.teamId}>
          <Select {...bind("teamId")}>
            {f.scope !== "label" && !f.teamId ? <option value="">Choose a team</option> : null}
            {teamChoices.map((t) => (
              <option key={t.id || "org"} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {f.scope === "service" ? (
        <Field
          id={fid("value")}
          label="Service"
          hint="The app.kubernetes.io/name label, else app, else the workload's name (as on the team's cost page)."
          errors={errors.value}
        >
          <Input {...bind("value")} required maxLength={253} placeholder="checkout-api" />
        </Field>
      ) : null}
      {f.scope === "label" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id={fid("labelKey")} label="Label key" errors={errors.labelKey}>
            <Input {...bind("labelKey")} required maxLength={317} list={`${id}-keys`} placeholder="product" />
          </Field>
          <datalist id={`${id}-keys`}>
            {labelKeys.map((k) => (
              <option key={k} value={k} />
            ))}
          </datalist>
          <Field id={fid("value")} label="Label value" errors={errors.value}>
            <Input {...bind("value")} required maxLength={253} placeholder="search" />
          </Field>
        </div>
      ) : null}
      <Field id={fid("monthlyAmount")} label={`Monthly amount (${currency})`} errors={errors.monthlyAmount}>
        <Input {...bind("monthlyAmount")} inputMode="decimal" required className="w-48" placeholder="2500" />
      </Field>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-700">Alert when</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          {THRESHOLDS.map((t) => (
            <Field key={t.name} id={fid(t.name)} label={t.label} hint={t.hint} errors={errors[t.name]}>
              <Input {...bind(t.name)} placeholder={t.example} />
            </Field>
          ))}
        </div>
        <p className="text-xs text-slate-500">
          Each threshold alerts once a month, in the app and through the alerting rules (low urgency).
        </p>
      </fieldset>
      <FormFooter
        onCancel={onCancel}
        submitLabel={budgetId ? "Save budget" : "Create budget"}
        className="border-t border-slate-100 pt-4"
      />
    </form>
  );
}

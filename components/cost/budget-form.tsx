"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { saveBudgetAction } from "@/lib/cost/actions";
import { Alert } from "@/components/ui/alert";
import { Field, Input, Select } from "@/components/ui/field";
import type { TBudgetFormFields } from "@/lib/cost/forms/budget-form";
import { FormFooter } from "./form-footer";

export type TBudgetFormTeam = { id: string; name: string };

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
}: {
  orgSlug: string;
  budgetId?: string;
  initial: TBudgetFormFields;
  /** Teams the user may set budgets for. */
  teams: readonly TBudgetFormTeam[];
  /** Whether "Whole organization" may be chosen for a label budget (org admins). */
  orgWide: boolean;
  labelKeys: readonly string[];
  currency: string;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const [state, action] = useActionState(saveBudgetAction, null);
  const [f, setF] = useState<TBudgetFormFields>(initial);
  const errors = state && !state.ok ? (state.error.fieldErrors ?? {}) : {};
  const id = useId();
  const handled = useRef<unknown>(null);
  const set = (name: keyof TBudgetFormFields) => (e: { target: { value: string } }) =>
    setF((prev) => ({ ...prev, [name]: e.target.value }));

  useEffect(() => {
    if (!state?.ok || handled.current === state) return;
    handled.current = state;
    onSaved();
  }, [state, onSaved]);

  const teamChoices = f.scope === "label" && orgWide ? [{ id: "", name: "Whole organization" }, ...teams] : teams;
  const fid = (name: string) => `${id}-${name}`;
  const input = (name: keyof TBudgetFormFields) => ({
    id: fid(name),
    name,
    value: f[name],
    onChange: set(name),
    "aria-invalid": Boolean(errors[name]),
  });

  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="org" value={orgSlug} />
      {budgetId ? <input type="hidden" name="budgetId" value={budgetId} /> : null}
      {state && !state.ok && !state.error.fieldErrors ? <Alert tone="error">{state.error.message}</Alert> : null}
      <Field id={fid("name")} label="Name" errors={errors.name}>
        <Input {...input("name")} required maxLength={120} placeholder="Payments monthly" autoFocus />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={fid("scope")} label="Covers" errors={errors.scope}>
          <Select {...input("scope")}>
            <option value="team">A team</option>
            <option value="service">A service of a team</option>
            <option value="label">A label value</option>
          </Select>
        </Field>
        <Field id={fid("teamId")} label="Team" errors={errors.teamId}>
          <Select {...input("teamId")}>
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
          <Input {...input("value")} required maxLength={253} placeholder="checkout-api" />
        </Field>
      ) : null}
      {f.scope === "label" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id={fid("labelKey")} label="Label key" errors={errors.labelKey}>
            <Input {...input("labelKey")} required maxLength={317} list={`${id}-keys`} placeholder="product" />
          </Field>
          <datalist id={`${id}-keys`}>
            {labelKeys.map((k) => (
              <option key={k} value={k} />
            ))}
          </datalist>
          <Field id={fid("value")} label="Label value" errors={errors.value}>
            <Input {...input("value")} required maxLength={253} placeholder="search" />
          </Field>
        </div>
      ) : null}
      <Field id={fid("monthlyAmount")} label={`Monthly amount (${currency})`} errors={errors.monthlyAmount}>
        <Input {...input("monthlyAmount")} inputMode="decimal" required className="w-48" placeholder="2500" />
      </Field>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-700">Alert when</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            id={fid("actualThresholds")}
            label="Spent this month reaches (% of the amount)"
            hint="e.g. 80, 100"
            errors={errors.actualThresholds}
          >
            <Input {...input("actualThresholds")} placeholder="80, 100" />
          </Field>
          <Field
            id={fid("forecastThresholds")}
            label="Month-end forecast reaches (%)"
            hint="e.g. 100; leave empty for none"
            errors={errors.forecastThresholds}
          >
            <Input {...input("forecastThresholds")} placeholder="100" />
          </Field>
        </div>
        <p className="text-xs text-slate-500">
          Each threshold alerts once a month, in the app and through the alerting rules (low urgency).
        </p>
      </fieldset>
      <FormFooter onCancel={onCancel} submitLabel={budgetId ? "Save budget" : "Create budget"} />
    </form>
  );
}

"use server";

import { z } from "zod";
import { addFieldIssues, orgAction } from "@/lib/api/action";
import { createBudget } from "./budgets/create-budget";
import { deleteBudget } from "./budgets/delete-budget";
import { updateBudget } from "./budgets/update-budget";
import { budgetFieldOf, parseBudgetForm, type TBudgetFormFields } from "./forms/budget-form";
import { PRICE_FIELDS, parsePriceFields, type TPriceField } from "./forms/price-form";
import { updateClusterPrices, updateCostSettings } from "./update-cost-settings";

// Settings → Cost (org admins) and budgets (members; createBudget & co. check the budget's team).
// Every cost page shows prices and budgets, so changes revalidate the org.
const ORG_LAYOUT = { path: "", type: "layout" } as const;
const COST = { path: "/cost", type: "layout" } as const;

/** A form field as text ("" when absent), as the form parsers read it. */
const textOf = (raw: Record<string, unknown>, name: string) => String(raw[name] ?? "");

/** Price fields: empty inherits (null), anything else must be a number. */
function pricesOf<K extends TPriceField>(raw: Record<string, unknown>, names: readonly K[], ctx: z.RefinementCtx) {
  const prices = parsePriceFields((name) => textOf(raw, name), names);
  if (prices.ok) return prices.values;
  addFieldIssues(ctx, prices.fieldErrors);
  return z.NEVER;
}

const ZCostSettingsForm = z
  .looseObject({})
  .transform((raw, ctx) => ({ currency: textOf(raw, "currency"), ...pricesOf(raw, PRICE_FIELDS, ctx) }));

/** The org's currency and unit prices; empty prices fall back to OpenCost's list prices. */
export const updateCostSettingsAction = orgAction(
  { permission: "org:settings:manage", input: ZCostSettingsForm, revalidate: ORG_LAYOUT },
  async ({ input, access }) => {
    await updateCostSettings(access, input);
    return null;
  },
);

const ZClusterPricesForm = z.looseObject({ clusterId: z.uuid() }).transform((raw, ctx) => ({
  clusterId: raw.clusterId,
  prices: pricesOf(raw, [...PRICE_FIELDS, "nodeHourPrice"] as const, ctx),
}));

/** One cluster's own prices or node hourly cost; all empty clears them. */
export const updateClusterPricesAction = orgAction(
  { permission: "org:settings:manage", input: ZClusterPricesForm, revalidate: ORG_LAYOUT },
  async ({ input, access }) => {
    await updateClusterPrices(access, input.clusterId, input.prices);
    return null;
  },
);

const BUDGET_FIELDS = [
  "name",
  "scope",
  "teamId",
  "value",
  "labelKey",
  "monthlyAmount",
  "actualThresholds",
  "forecastThresholds",
] as const satisfies readonly (keyof TBudgetFormFields)[];

const ZBudgetForm = z
  .looseObject({ budgetId: z.preprocess((v) => v || undefined, z.uuid().optional()) })
  .transform((raw, ctx) => {
    const fields = Object.fromEntries(BUDGET_FIELDS.map((name) => [name, textOf(raw, name)])) as TBudgetFormFields;
    const parsed = parseBudgetForm(fields);
    if (parsed.ok) return { budgetId: raw.budgetId, budget: parsed.input };
    addFieldIssues(ctx, parsed.fieldErrors);
    return z.NEVER;
  });

/** Creates (no budgetId) or updates a budget from the budget form; field errors name the form's fields. */
export const saveBudgetAction = orgAction(
  {
    permission: "org:read",
    input: ZBudgetForm,
    // ZBudgetInput's paths ("thresholds.1.percent") point at the field the threshold came from.
    formFields: (fieldErrors, input) => {
      if (!input) return fieldErrors;
      const fields: Record<string, string[]> = {};
      for (const [path, messages] of Object.entries(fieldErrors))
        (fields[budgetFieldOf(path, input.budget)] ??= []).push(...messages);
      return fields;
    },
    revalidate: COST,
  },
  async ({ input, access }) => {
    const budget = input.budgetId
      ? await updateBudget(access, input.budgetId, input.budget)
      : await createBudget(access, input.budget);
    return { id: budget.id };
  },
);

export const deleteBudgetAction = orgAction(
  { permission: "org:read", input: z.object({ budgetId: z.uuid() }), revalidate: COST },
  async ({ input, access }) => {
    await deleteBudget(access, input.budgetId);
    return null;
  },
);

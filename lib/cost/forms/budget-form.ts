import type { TBudgetInput, TBudgetThreshold } from "../budgets/schemas";
import { BUDGET_SCOPES, type TBudgetScope } from "../budgets/schemas";

// The budget form's fields → ZBudgetInput's shape. Pure. Thresholds are typed as percent lists
// ("80, 100"), one field per basis; ZBudgetInput checks everything else and names its fields.

export type TBudgetFormFields = {
  name: string;
  scope: string;
  /** A team id, or "" for an org-wide label budget. */
  teamId: string;
  value: string;
  labelKey: string;
  monthlyAmount: string;
  actualThresholds: string;
  forecastThresholds: string;
};

function parsePercents(text: string): number[] | null {
  const parts = text
    .split(/[\s,;]+/)
    .map((p) => p.replace(/%$/, ""))
    .filter(Boolean);
  const values = parts.map(Number);
  return values.every((v) => Number.isInteger(v) && v >= 1 && v <= 1000) ? values : null;
}

export function parseBudgetForm(
  f: TBudgetFormFields,
): { ok: true; input: TBudgetInput } | { ok: false; fieldErrors: Record<string, string[]> } {
  const errors: Record<string, string[]> = {};
  const scope = (BUDGET_SCOPES as readonly string[]).includes(f.scope) ? (f.scope as TBudgetScope) : null;
  if (!scope) errors.scope = ["Choose what the budget covers."];
  const amountText = f.monthlyAmount.trim().replace(/,/g, "");
  const monthlyAmount = Number(amountText);
  if (!amountText || !Number.isFinite(monthlyAmount)) errors.monthlyAmount = ["Enter the monthly amount, e.g. 2500."];
  const actual = parsePercents(f.actualThresholds);
  const forecast = parsePercents(f.forecastThresholds);
  if (!actual) errors.actualThresholds = ["Whole percents between 1 and 1000, separated by commas: 80, 100."];
  if (!forecast) errors.forecastThresholds = ["Whole percents between 1 and 1000, separated by commas: 100."];
  if (actual && forecast && actual.length + forecast.length === 0)
    errors.actualThresholds = ["Give at least one threshold, e.g. 80, 100."];
  if (Object.keys(errors).length || !scope || !actual || !forecast) return { ok: false, fieldErrors: errors };
  const thresholds: TBudgetThreshold[] = [
    ...actual.map((percent) => ({ basis: "actual" as const, percent })),
    ...forecast.map((percent) => ({ basis: "forecast" as const, percent })),
  ];
  return {
    ok: true,
    input: {
      name: f.name,
      scope,
      teamId: f.teamId || null,
      value: scope === "team" ? "" : f.value,
      labelKey: scope === "label" ? f.labelKey : "",
      monthlyAmount,
      thresholds,
    },
  };
}

/** ZBudgetInput's error paths → the form's fields (threshold entries point at their basis' field). */
export function budgetFieldOf(path: string, input: TBudgetInput): string {
  const m = /^thresholds\.(\d+)/.exec(path);
  if (!m) return path;
  const t = input.thresholds?.[Number(m[1])];
  return t?.basis === "forecast" ? "forecastThresholds" : "actualThresholds";
}

/** The thresholds of a budget as the form's two fields. */
export function thresholdFields(thresholds: readonly TBudgetThreshold[]): {
  actualThresholds: string;
  forecastThresholds: string;
} {
  const list = (basis: TBudgetThreshold["basis"]) =>
    thresholds
      .filter((t) => t.basis === basis)
      .map((t) => t.percent)
      .join(", ");
  return { actualThresholds: list("actual"), forecastThresholds: list("forecast") };
}

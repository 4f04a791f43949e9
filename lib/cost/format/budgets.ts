import type { TBudgetView } from "../budgets/queries";
import { formatMoney, formatPercent } from "./numbers";

export type TPreparedBudget = {
  id: string;
  name: string;
  scopeLabel: string;
  amount: string;
  spent: string;
  forecast: string;
  /** Bar widths 0…100 (the bar is capped; the text says how far over). */
  spentPercent: number;
  forecastPercent: number | null;
  spentText: string;
  status: "ok" | "warning" | "over";
  /** Threshold markers on the bar (0…100, capped) for actual thresholds. */
  markers: { key: string; percent: number; crossed: boolean }[];
  alerts: string[];
};

const cap = (v: number) => Math.max(0, Math.min(100, v));

/** Progress bars of the budgets page: over at ≥100 % spent, warning when any threshold is crossed. Pure. */
export function prepareBudgets(budgets: readonly TBudgetView[], currency: string): TPreparedBudget[] {
  return budgets.map((b) => {
    const p = b.progress;
    const scopeLabel =
      b.scope === "team"
        ? `Team ${b.team?.name ?? ""}`.trim()
        : b.scope === "service"
          ? `Service ${b.value}${b.team ? ` (${b.team.name})` : ""}`
          : `${b.labelKey}=${b.value}${b.team ? ` (${b.team.name})` : ""}`;
    const status = p.actualRatio >= 1 ? "over" : p.thresholds.some((t) => t.crossed) ? "warning" : "ok";
    return {
      id: b.id,
      name: b.name,
      scopeLabel,
      amount: formatMoney(b.monthlyAmount, currency),
      spent: formatMoney(p.month.monthToDate, currency),
      forecast: formatMoney(p.month.forecast, currency),
      spentPercent: cap(p.actualRatio * 100),
      forecastPercent: p.forecastRatio === null ? null : cap(p.forecastRatio * 100),
      spentText: formatPercent(p.actualRatio),
      status,
      markers: p.thresholds
        .filter((t) => t.basis === "actual")
        .map((t) => ({ key: t.key, percent: cap(t.percent), crossed: t.crossed })),
      alerts: b.alerts.map((a) => a.threshold),
    };
  });
}

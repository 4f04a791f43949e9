import type { ReactNode } from "react";
import { Badge, type TBadgeTone } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { TPreparedBudget } from "@/lib/cost/format/budgets";

const STATUS: Record<TPreparedBudget["status"], { label: string; tone: TBadgeTone; bar: string }> = {
  ok: { label: "On track", tone: "green", bar: "bg-emerald-500" },
  warning: { label: "Threshold crossed", tone: "amber", bar: "bg-amber-500" },
  over: { label: "Over budget", tone: "red", bar: "bg-red-500" },
};

/**
 * One row per budget: spent this month as a bar, the month-end forecast as a lighter bar behind
 * it, the actual thresholds as ticks (dark once crossed), and the figures as text beside it.
 */
export function BudgetList({
  budgets,
  controls,
}: {
  budgets: readonly TPreparedBudget[];
  /** Edit/delete controls of the budgets the viewer may change, by budget id. */
  controls: ReadonlyMap<string, ReactNode>;
}) {
  return (
    <ul className="divide-y divide-slate-100" data-testid="budget-list">
      {budgets.map((b) => {
        const status = STATUS[b.status];
        return (
          <li key={b.id} className="px-5 py-4" data-testid="budget-row">
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div className="min-w-0">
                <p className="flex items-center gap-2">
                  <span className="truncate font-medium text-slate-900">{b.name}</span>
                  <Badge tone={status.tone}>{status.label}</Badge>
                </p>
                <p className="mt-0.5 truncate text-xs text-slate-500">
                  {b.scopeLabel} · {b.amount} a month
                </p>
              </div>
              {controls.get(b.id) ?? null}
            </div>
            <div className="mt-3 flex items-center gap-4">
              <div
                className="relative h-3 flex-1"
                role="img"
                aria-label={`${b.spentText} of the budget spent; forecast ${b.forecast}`}
              >
                <div className="absolute inset-0 overflow-hidden rounded-full bg-slate-100">
                  {b.forecastPercent !== null ? (
                    <div
                      className={cn("absolute inset-y-0 left-0 rounded-full opacity-25", status.bar)}
                      style={{ width: `${b.forecastPercent}%` }}
                    />
                  ) : null}
                  <div
                    className={cn("absolute inset-y-0 left-0 rounded-full", status.bar)}
                    style={{ width: `${b.spentPercent}%` }}
                  />
                </div>
                {b.markers.map((m) => (
                  <span
                    key={m.key}
                    title={`${m.percent}% of the budget${m.crossed ? ": crossed" : ""}`}
                    className={cn(
                      "absolute -top-1 -bottom-1 w-0.5 -translate-x-1/2 rounded",
                      m.crossed ? "bg-slate-700" : "bg-slate-300",
                    )}
                    style={{ left: `${m.percent}%` }}
                  />
                ))}
              </div>
              <p className="w-80 shrink-0 text-right text-sm text-slate-600">
                <span className="font-semibold tabular-nums text-slate-900" data-testid="budget-spent">
                  {b.spent}
                </span>{" "}
                spent ({b.spentText}) · forecast <span className="tabular-nums">{b.forecast}</span>
              </p>
            </div>
            {b.alerts.length ? (
              <p className="mt-2 text-xs text-slate-500">
                Alerted this month: {b.alerts.map(thresholdLabel).join(", ")}
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** "actual:80" → "80% spent", "forecast:100" → "forecast 100%". */
export function thresholdLabel(key: string): string {
  const [basis, percent] = key.split(":");
  return basis === "forecast" ? `forecast ${percent}%` : `${percent}% spent`;
}

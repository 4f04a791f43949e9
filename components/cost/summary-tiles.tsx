import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { formatChange, formatMoney, formatPercent } from "@/lib/cost/format/numbers";
import { formatRange } from "@/lib/cost/format/page-state";
import type { TPeriodSummary } from "@/lib/cost/types";
import { ChangeText, trendOf } from "./change-text";

/** The figures the tiles show: a period's (the org's, a team's or the unassigned workloads'). */
export type TSummaryFigures = TPeriodSummary;

const monthName = (day: string) =>
  new Intl.DateTimeFormat("en-US", { month: "long", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));

/**
 * The headline figures of a cost view: total of the range with its change, month-to-date with
 * the linear forecast to month end, and efficiency. The same four tiles on the org and team pages.
 */
export function SummaryTiles({ summary, extra }: { summary: TSummaryFigures; extra?: ReactNode }) {
  const { currency, month } = summary;
  return (
    <div className="grid grid-cols-2 gap-4 lg:grid-cols-4" data-testid="cost-summary">
      <TotalTile
        summary={summary}
        currency={currency}
        noPrevious={<>No cost in the {formatRange(summary.previousRange)} before</>}
      />
      <Tile label={`${monthName(month.monthStart)} to date`} value={formatMoney(month.monthToDate, currency)}>
        {month.daysElapsed} of {month.daysInMonth} days with data
      </Tile>
      <Tile label="Forecast to month end" value={formatMoney(month.forecast, currency)}>
        {month.forecast === null ? "No data this month yet" : `Linear, from ${month.daysElapsed} days`}
      </Tile>
      <Tile
        label="Efficiency"
        value={formatPercent(summary.efficiency)}
        valueClass={summary.efficiency !== null && summary.efficiency < 0.5 ? "text-amber-700" : undefined}
      >
        {summary.efficiency === null ? "No usage data: requests only" : "Used ÷ requested"}
      </Tile>
      {extra}
    </div>
  );
}

/** The range's total with its change against the period before, or `noPrevious` when that had no cost. */
export function TotalTile({
  summary,
  currency,
  noPrevious,
}: {
  summary: Pick<TPeriodSummary, "total" | "previousTotal" | "change">;
  currency: string;
  noPrevious: ReactNode;
}) {
  return (
    <Tile label="Total" testId="cost-total" value={formatMoney(summary.total, currency)}>
      {summary.previousTotal === null ? (
        noPrevious
      ) : (
        <>
          <ChangeText change={formatChange(summary.change)} trend={trendOf(summary.change)} /> vs{" "}
          {formatMoney(summary.previousTotal, currency)} before
        </>
      )}
    </Tile>
  );
}

export function Tile({
  label,
  value,
  children,
  valueClass,
  testId,
}: {
  label: string;
  value: string;
  children?: ReactNode;
  valueClass?: string;
  testId?: string;
}) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <p className="truncate text-sm text-slate-500">{label}</p>
      <p
        data-testid={testId}
        className={cn("mt-1.5 text-2xl font-semibold tabular-nums tracking-tight text-slate-900", valueClass)}
      >
        {value}
      </p>
      {children ? <p className="mt-0.5 truncate text-xs text-slate-500">{children}</p> : null}
    </div>
  );
}

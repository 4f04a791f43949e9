import { forecastMonthEnd } from "./forecast";
import { previousRange, type TCostRange } from "./range";
import type { TPeriodSummary } from "./types";

// The arithmetic every cost figure shares (change, ratio, share, a period's summary). Pure: the
// queries, the preparers and the reference implementations of the tests all compute through it.

/** (a − b) ÷ b, or null when b is null or 0. */
export function changeOf(current: number, previous: number | null): number | null {
  return previous === null || previous === 0 ? null : (current - previous) / previous;
}

export function ratioOf(numerator: number, denominator: number | null): number | null {
  return denominator === null || denominator === 0 ? null : numerator / denominator;
}

/** Sets each row's share of the rows' total cost (0…1; null when the total is 0). */
export function setShares<T extends { cost: number; share: number | null }>(rows: T[]): T[] {
  const total = rows.reduce((s, r) => s + r.cost, 0);
  for (const r of rows) r.share = ratioOf(r.cost, total);
  return rows;
}

/**
 * A team's summary from its per-day totals, read from the range and the period before it (and
 * back to the first of the range's last month, for the forecast): days in the range give the
 * total and efficiency, days of the previous period its total (null when it has none).
 */
export function summarizeDays(
  days: readonly { day: string; cost: number; used: number; requested: number }[],
  range: TCostRange,
  currency: string,
): TPeriodSummary {
  const previous = previousRange(range);
  let total = 0;
  let used = 0;
  let requested = 0;
  let prev = 0;
  let prevRows = false;
  for (const d of days) {
    if (d.day >= range.from) {
      total += d.cost;
      used += d.used;
      requested += d.requested;
    } else if (d.day >= previous.from && d.day <= previous.to) {
      prev += d.cost;
      prevRows = true;
    }
  }
  const previousTotal = prevRows ? prev : null;
  const daily = new Map(days.map((d) => [d.day, d.cost]));
  return periodSummary({ currency, range, total, previousTotal, used, requested, daily });
}

/**
 * A period's total, change vs the period before, efficiency (used ÷ requested cost) and
 * month-to-date with its forecast from the daily totals (day → cost).
 */
export function periodSummary(input: {
  currency: string;
  range: TCostRange;
  total: number;
  previousTotal: number | null;
  used: number;
  requested: number | null;
  daily: ReadonlyMap<string, number>;
}): TPeriodSummary {
  const { currency, range, total, previousTotal } = input;
  return {
    currency,
    range,
    previousRange: previousRange(range),
    total,
    previousTotal,
    change: changeOf(total, previousTotal),
    efficiency: ratioOf(input.used, input.requested),
    month: forecastMonthEnd(input.daily, range.to),
  };
}

import { addDays, daysInMonth, monthEnd, monthStart } from "./range";

export type TMonthForecast = {
  monthStart: string;
  monthEnd: string;
  /** Cost from the first of the month through `asOf`. */
  monthToDate: number;
  /** Days of the month with data counted so far (1…days in month). */
  daysElapsed: number;
  daysInMonth: number;
  /** Linear: month-to-date ÷ days elapsed × days in month. Null before any day has data. */
  forecast: number | null;
};

/**
 * A linear month-end forecast from daily totals (day → cost). Days elapsed run from the first of
 * the month to the last day that has data (at most `asOf`), so a report that arrives late does
 * not drag the forecast down with empty days.
 */
export function forecastMonthEnd(daily: ReadonlyMap<string, number>, asOf: string): TMonthForecast {
  const start = monthStart(asOf);
  const total = daysInMonth(asOf);
  let monthToDate = 0;
  let lastDay: string | null = null;
  for (const [day, cost] of daily) {
    if (day < start || day > asOf) continue;
    monthToDate += cost;
    if (lastDay === null || day > lastDay) lastDay = day;
  }
  const daysElapsed = lastDay === null ? 0 : Number(lastDay.slice(8, 10));
  return {
    monthStart: start,
    monthEnd: monthEnd(asOf),
    monthToDate,
    daysElapsed,
    daysInMonth: total,
    forecast: daysElapsed === 0 ? null : (monthToDate / daysElapsed) * total,
  };
}

/** The day before the first of `day`'s month (used to compare a month with the one before). */
export function previousMonthEnd(day: string): string {
  return addDays(monthStart(day), -1);
}

// Date ranges of the cost views: whole UTC days, both ends included, as YYYY-MM-DD strings so
// they travel through URLs and SQL `date` parameters unchanged.

export const RANGE_PRESETS = ["7d", "30d", "90d", "mtd", "custom"] as const;
export type TRangePreset = (typeof RANGE_PRESETS)[number];

export type TCostRange = { from: string; to: string };

const DAY_MS = 86_400_000;

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function parseDay(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export function addDays(day: string, n: number): string {
  return isoDay(new Date(parseDay(day).getTime() + n * DAY_MS));
}

/** Days in the range, both ends included. */
export function daysIn(range: TCostRange): number {
  return Math.round((parseDay(range.to).getTime() - parseDay(range.from).getTime()) / DAY_MS) + 1;
}

export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

export function daysInMonth(day: string): number {
  const d = parseDay(monthStart(day));
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
}

export function monthEnd(day: string): string {
  return `${day.slice(0, 7)}-${String(daysInMonth(day)).padStart(2, "0")}`;
}

/**
 * The range of a preset, ending today (UTC; today's partial day included). `custom` needs
 * from/to; they are swapped when given backwards.
 */
export function resolveRange(preset: TRangePreset, today: string, custom?: Partial<TCostRange>): TCostRange {
  switch (preset) {
    case "7d":
      return { from: addDays(today, -6), to: today };
    case "30d":
      return { from: addDays(today, -29), to: today };
    case "90d":
      return { from: addDays(today, -89), to: today };
    case "mtd":
      return { from: monthStart(today), to: today };
    case "custom": {
      const from = custom?.from ?? addDays(today, -29);
      const to = custom?.to ?? today;
      return from <= to ? { from, to } : { from: to, to: from };
    }
  }
}

/** The same number of days just before the range, for "change vs previous period". */
export function previousRange(range: TCostRange): TCostRange {
  const n = daysIn(range);
  return { from: addDays(range.from, -n), to: addDays(range.from, -1) };
}

/** Every day of the range, oldest first. */
export function eachDay(range: TCostRange): string[] {
  const out: string[] = [];
  for (let d = range.from; d <= range.to; d = addDays(d, 1)) out.push(d);
  return out;
}

// Shapes the "SLA met" chart: one point per week (Monday, UTC) of the last `weeks`, the current
// week last, with the share of findings fixed on time among those whose SLA moment fell in it.
// A week with no such finding has no ratio (a gap in the line), not 0 % or 100 %.

export type TSlaWeekCounts = { week: string; met: number; missed: number };

export type TSlaMetPoint = {
  /** Monday of the week, YYYY-MM-DD (UTC). */
  week: string;
  /** "Nov 3" */
  label: string;
  met: number;
  missed: number;
  /** met ÷ (met + missed), 0..1; null when the week had none. */
  ratio: number | null;
};

export type TSlaMet = {
  points: TSlaMetPoint[];
  totals: { met: number; missed: number };
  /** Over the whole window; null when nothing had a due date in it. */
  ratio: number | null;
  /** False: no finding's SLA moment fell in the window, the chart shows its empty state. */
  hasData: boolean;
};

const DAY_MS = 86_400_000;
const label = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/** Monday 00:00 UTC of the week holding `at`. */
export function weekStartOf(at: Date): Date {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY_MS);
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export function prepareSlaMet(rows: readonly TSlaWeekCounts[], now: Date, weeks = 12): TSlaMet {
  const byWeek = new Map(rows.map((r) => [r.week, r]));
  const last = weekStartOf(now);
  const points: TSlaMetPoint[] = [];
  const totals = { met: 0, missed: 0 };
  for (let i = weeks - 1; i >= 0; i--) {
    const start = new Date(last.getTime() - i * 7 * DAY_MS);
    const week = isoDay(start);
    const row = byWeek.get(week);
    const met = row?.met ?? 0;
    const missed = row?.missed ?? 0;
    totals.met += met;
    totals.missed += missed;
    points.push({ week, label: label.format(start), met, missed, ratio: met + missed ? met / (met + missed) : null });
  }
  const all = totals.met + totals.missed;
  return { points, totals, ratio: all ? totals.met / all : null, hasData: all > 0 };
}

/** "83 %" for 0.83; "—" for no ratio. */
export function formatRatio(ratio: number | null): string {
  return ratio === null ? "—" : `${Math.round(ratio * 100)}%`;
}

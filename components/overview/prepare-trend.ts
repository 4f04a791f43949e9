// Shapes the overview's 30-day trend for the chart: new findings above the axis, fixed and resolved
// below it (stacked), so a day's bar pair reads as work in against work out.

export type TTrendDay = { day: string; introduced: number; fixed: number; resolved: number };

export type TTrendPoint = {
  day: string;
  /** "Nov 3" */
  label: string;
  introduced: number;
  /** Negative: drawn below the axis. */
  fixed: number;
  resolved: number;
};

export type TTrend = {
  points: TTrendPoint[];
  /** Days (YYYY-MM-DD) that get an axis label: weekly, counted back from the last day. */
  ticks: string[];
  totals: { introduced: number; fixed: number; resolved: number };
  /** Days with anything to report, newest first: the chart's text alternative. */
  activeDays: TTrendDay[];
  /** The value axis: one linear scale from -below to above, each end a round number. */
  domain: [number, number];
  yTicks: number[];
};

const dayLabel = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/** "2026-11-03" → "Nov 3" (UTC, so server and browser agree). */
export function formatTrendDay(day: string): string {
  return dayLabel.format(new Date(`${day}T00:00:00Z`));
}

export function prepareTrend(days: readonly TTrendDay[], tickEvery = 7): TTrend {
  const totals = { introduced: 0, fixed: 0, resolved: 0 };
  let peakIn = 0;
  let peakOut = 0;
  const points = days.map((d) => {
    totals.introduced += d.introduced;
    totals.fixed += d.fixed;
    totals.resolved += d.resolved;
    peakIn = Math.max(peakIn, d.introduced);
    peakOut = Math.max(peakOut, d.fixed + d.resolved);
    // `|| 0` keeps -0 out of the data, which would print as "-0" in a tooltip.
    return {
      day: d.day,
      label: formatTrendDay(d.day),
      introduced: d.introduced,
      fixed: -d.fixed || 0,
      resolved: -d.resolved || 0,
    };
  });
  const ticks: string[] = [];
  for (let i = days.length - 1; i >= 0; i -= tickEvery) ticks.unshift(days[i].day);
  const activeDays = days.filter((d) => d.introduced + d.fixed + d.resolved > 0).reverse();
  const { domain, yTicks } = valueAxis(peakIn, peakOut);
  return { points, ticks, totals, activeDays, domain, yTicks };
}

/**
 * The value axis for the largest day in (above zero) and out (below). Each side is only as tall
 * as it needs to be, on one scale, so a first import of hundreds does not leave half the chart
 * empty below the line. A side's end label is left out when it would sit on top of the zero label.
 */
export function valueAxis(peakIn: number, peakOut: number): { domain: [number, number]; yTicks: number[] } {
  const above = peakIn > 0 || peakOut === 0 ? niceBound(peakIn) : 0;
  const below = peakOut > 0 ? niceBound(peakOut) : 0;
  // Halves only on the taller side (both when equal) and only when whole: no 2.5 findings.
  const half = (side: number, other: number) => side % 2 === 0 && side >= other;
  const yTicks = [0];
  if (below > 0 && below * 4 >= above) {
    if (half(below, above)) yTicks.unshift(-below / 2);
    yTicks.unshift(-below);
  }
  if (above > 0 && above * 4 >= below) {
    if (half(above, below)) yTicks.push(above / 2);
    yTicks.push(above);
  }
  return { domain: [below ? -below : 0, above], yTicks };
}

/** A round axis bound at or a little above the peak (1, 2, 5 × 10^n). */
export function niceBound(peak: number): number {
  if (peak <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(peak));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= peak) return step * magnitude;
  return 10 * magnitude;
}

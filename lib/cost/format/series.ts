import { bucketLabel } from "./buckets";
import { eachDay, type TCostRange } from "../range";
import type { TCostSeriesPoint } from "../types";

export const OTHER_KEY = "__other__";

export type TPreparedSeries = {
  /** One entry per day of the range: the day, then each series' cost (0 when the day has rows but not this key; null when the day has no rows at all). */
  data: ({ day: string } & Record<string, number | null | string>)[];
  series: { key: string; label: string; kind: "group" | "other" | "special" }[];
  total: number;
  empty: boolean;
};

// Keys that are never folded into "Other": hiding them would hide what the page promises to show.
const SPECIAL = new Set(["unassigned", "idle", "unallocated"]);

/**
 * Pivots a long cost series into chart rows: the `topN` most expensive keys over the range keep
 * their own series, the rest become "Other"; unassigned, idle, unallocated and "(none)" always
 * keep theirs. Pure.
 */
export function prepareCostSeries(points: readonly TCostSeriesPoint[], range: TCostRange, topN = 6): TPreparedSeries {
  const totals = new Map<string, { label: string; cost: number; special: boolean }>();
  for (const p of points) {
    const special = SPECIAL.has(p.bucket) || p.key === "(none)";
    const t = totals.get(p.key) ?? { label: bucketLabel(p.bucket, p.label), cost: 0, special };
    t.cost += p.cost;
    totals.set(p.key, t);
  }
  const ranked = [...totals.entries()].filter(([, t]) => !t.special).sort((a, b) => b[1].cost - a[1].cost);
  const kept = new Set(ranked.slice(0, topN).map(([k]) => k));
  const hasOther = ranked.length > topN;
  const specials = [...totals.entries()].filter(([, t]) => t.special).sort((a, b) => b[1].cost - a[1].cost);
  const series: TPreparedSeries["series"] = [
    ...ranked.slice(0, topN).map(([key, t]) => ({ key, label: t.label, kind: "group" as const })),
    ...(hasOther ? [{ key: OTHER_KEY, label: "Other", kind: "other" as const }] : []),
    ...specials.map(([key, t]) => ({ key, label: t.label, kind: "special" as const })),
  ];
  const byDay = new Map<string, Map<string, number>>();
  for (const p of points) {
    const key = totals.get(p.key)?.special || kept.has(p.key) ? p.key : OTHER_KEY;
    const day = byDay.get(p.day) ?? new Map<string, number>();
    day.set(key, (day.get(key) ?? 0) + p.cost);
    byDay.set(p.day, day);
  }
  const data = eachDay(range).map((day) => {
    const values = byDay.get(day);
    const row: { day: string } & Record<string, number | null | string> = { day };
    for (const s of series) row[s.key] = values ? (values.get(s.key) ?? 0) : null;
    return row;
  });
  const total = [...totals.values()].reduce((s, t) => s + t.cost, 0);
  return { data, series, total, empty: points.length === 0 };
}

export type TLegendItem = TPreparedSeries["series"][number] & { index: number; total: number };

/** Each prepared series with its total over the range, in the chart's order, for the legend. Pure. */
export function seriesLegend(prepared: TPreparedSeries): TLegendItem[] {
  let groupIndex = 0;
  return prepared.series.map((s) => {
    let total = 0;
    for (const row of prepared.data) {
      const v = row[s.key];
      if (typeof v === "number") total += v;
    }
    return { ...s, index: s.kind === "group" ? groupIndex++ : -1, total };
  });
}

import type { TPreparedSeries } from "./prepare-series";

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

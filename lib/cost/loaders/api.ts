import "server-only";
import { getLabelFigures, listCostLabelKeys } from "../queries/labels";
import { getOverviewFigures } from "./overview";
import { prepareCostSeries, type TPreparedSeries } from "../format/series";
import type { TCostRange } from "../range";
import type { TCostScope } from "../scope";
import type { TCostSeriesGroup, TCostSummary, TLabelCostRow, TTeamCostRow } from "../types";

// What the API's overview and label routes answer: the figures, with the daily series already
// pivoted to chart rows (top N keys + "Other"; unassigned, idle, unallocated and "(none)" kept),
// so a 90-day series by namespace is a hundred rows instead of thousands of points.

export type TCostOverviewView = {
  summary: TCostSummary;
  groupBy: TCostSeriesGroup;
  labelKey: string | null;
  series: TPreparedSeries;
  teams: TTeamCostRow[];
};

export async function getCostOverviewView(
  scope: TCostScope,
  range: TCostRange,
  groupBy: TCostSeriesGroup,
  labelKey: string | undefined,
  top: number,
): Promise<TCostOverviewView> {
  const { summary, points, teams } = await getOverviewFigures(scope, range, groupBy, labelKey);
  return { summary, groupBy, labelKey: labelKey ?? null, series: prepareCostSeries(points, range, top), teams };
}

export type TLabelCostView = {
  key: string;
  range: TCostRange;
  keys: string[];
  rows: TLabelCostRow[];
  series: TPreparedSeries;
};

export async function getLabelCostView(
  scope: TCostScope,
  range: TCostRange,
  key: string,
  top: number,
): Promise<TLabelCostView> {
  const [keys, { rows, points }] = await Promise.all([
    listCostLabelKeys(scope, range),
    getLabelFigures(scope, range, key),
  ]);
  return { key, range, keys, rows, series: prepareCostSeries(points, range, top) };
}

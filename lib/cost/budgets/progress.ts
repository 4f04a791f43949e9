import { forecastMonthEnd, type TMonthForecast } from "../forecast";
import { thresholdKey, type TBudgetThreshold } from "./schemas";

export type TThresholdState = TBudgetThreshold & {
  key: string;
  /** The amount this threshold stands for (monthly amount × percent). */
  amount: number;
  crossed: boolean;
};

export type TBudgetProgress = {
  month: TMonthForecast;
  /** Month-to-date ÷ monthly amount (may exceed 1). */
  actualRatio: number;
  /** Forecast ÷ monthly amount; null before the month has data. */
  forecastRatio: number | null;
  thresholds: TThresholdState[];
};

/** Where a budget stands in the month of `asOf`, and which thresholds are crossed. Pure. */
export function budgetProgress(
  monthlyAmount: number,
  thresholds: readonly TBudgetThreshold[],
  daily: ReadonlyMap<string, number>,
  asOf: string,
): TBudgetProgress {
  const month = forecastMonthEnd(daily, asOf);
  return {
    month,
    actualRatio: month.monthToDate / monthlyAmount,
    forecastRatio: month.forecast === null ? null : month.forecast / monthlyAmount,
    thresholds: thresholds.map((t) => {
      const amount = (monthlyAmount * t.percent) / 100;
      const value = t.basis === "actual" ? month.monthToDate : month.forecast;
      return { ...t, key: thresholdKey(t), amount, crossed: value !== null && value >= amount };
    }),
  };
}

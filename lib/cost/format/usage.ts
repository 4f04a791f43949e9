import { eachDay, type TCostRange } from "../range";
import type { TServiceDay } from "../types";

export type TPreparedUsageDay = {
  day: string;
  /** null on days without rows (gap in the chart), not 0. */
  cost: number | null;
  cpuRequested: number | null;
  cpuUsed: number | null;
  memoryRequested: number | null;
  memoryUsed: number | null;
};

/**
 * A service's daily series for the drill-down: cost, and requested vs used core- and GiB-hours,
 * with every day of the range present. Usage stays null where it is unknown (an estimate without
 * metrics), so the chart shows "no data" instead of a false 0. Pure.
 */
export function prepareServiceUsage(
  days: readonly TServiceDay[],
  range: TCostRange,
): { data: TPreparedUsageDay[]; hasUsage: boolean; empty: boolean } {
  const byDay = new Map(days.map((d) => [d.day, d]));
  const data = eachDay(range).map((day) => {
    const d = byDay.get(day);
    return {
      day,
      cost: d ? d.cost : null,
      cpuRequested: d ? d.cpuCoreHoursRequested : null,
      cpuUsed: d ? d.cpuCoreHoursUsed : null,
      memoryRequested: d ? d.memoryGibHoursRequested : null,
      memoryUsed: d ? d.memoryGibHoursUsed : null,
    };
  });
  return { data, hasUsage: days.some((d) => d.cpuCoreHoursUsed !== null), empty: days.length === 0 };
}

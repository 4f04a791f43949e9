import { formatChange, formatMoney } from "./numbers";
import { changeOf, ratioOf } from "../figures";
import type { TCostBreakdownBy, TCostBreakdownRow, TCostMover, TServiceDay } from "../types";

// Display helpers of the team and service pages. Pure (safe anywhere): they only reshape what the
// queries returned.

/** The team segment of a cost URL: its slug, or "unassigned" for the workloads no team owns. */
export const teamSegment = (team: { slug: string } | null) => (team ? team.slug : "unassigned");

/** Where a breakdown row sits: "namespace · cluster", with the kind for workloads. */
export function breakdownSub(row: TCostBreakdownRow, by: TCostBreakdownBy): string | null {
  if (by === "service" || by === "namespace") return null;
  const where = [row.namespace, row.cluster?.name].filter(Boolean).join(" · ");
  if (by === "workload") return [row.kind, where].filter(Boolean).join(" in ");
  return [row.workload && row.container ? `${row.kind ?? "workload"} ${row.workload}` : null, where]
    .filter(Boolean)
    .join(" · ");
}

export type TPreparedMover = {
  service: string;
  cost: string;
  delta: string;
  change: string;
  direction: "up" | "down" | "flat";
};

export function prepareMovers(movers: readonly TCostMover[], currency: string): TPreparedMover[] {
  return movers.map((m) => ({
    service: m.service,
    cost: formatMoney(m.cost, currency),
    delta: `${m.delta > 0 ? "+" : m.delta < 0 ? "−" : ""}${formatMoney(Math.abs(m.delta), currency)}`,
    change: m.previousCost === 0 ? "new" : formatChange(m.change),
    direction: Math.abs(m.delta) < 0.005 ? "flat" : m.delta > 0 ? "up" : "down",
  }));
}

export type TServiceSummary = {
  total: number;
  previousTotal: number | null;
  change: number | null;
  /** Used ÷ requested core-hours (and GiB-hours) over the days with usage; null when none is known. */
  cpuEfficiency: number | null;
  memoryEfficiency: number | null;
};

/** A service's totals from its daily rows in the range and in the period before. */
export function summarizeService(days: readonly TServiceDay[], previous: readonly TServiceDay[]): TServiceSummary {
  let total = 0;
  let cpuUsed = 0;
  let cpuReq = 0;
  let memUsed = 0;
  let memReq = 0;
  for (const d of days) {
    total += d.cost;
    if (d.cpuCoreHoursUsed !== null) {
      cpuUsed += d.cpuCoreHoursUsed;
      cpuReq += d.cpuCoreHoursRequested;
    }
    if (d.memoryGibHoursUsed !== null) {
      memUsed += d.memoryGibHoursUsed;
      memReq += d.memoryGibHoursRequested;
    }
  }
  const previousTotal = previous.length ? previous.reduce((s, d) => s + d.cost, 0) : null;
  return {
    total,
    previousTotal,
    change: changeOf(total, previousTotal),
    cpuEfficiency: ratioOf(cpuUsed, cpuReq),
    memoryEfficiency: ratioOf(memUsed, memReq),
  };
}

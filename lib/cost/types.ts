import type { TMonthForecast } from "./forecast";
import type { TCostRange } from "./range";

/** Where a figure comes from: OpenCost's allocation, our estimate from the inventory, or an in-cluster figure scaled to the cloud bill. */
export const COST_SOURCES = ["opencost", "estimate", "cloud"] as const;
export type TCostSource = (typeof COST_SOURCES)[number];

/** workload rows belong to a team or to nobody (unassigned); idle and unallocated are cluster-level. */
export const COST_ALLOCATIONS = ["workload", "idle", "unallocated"] as const;
export type TCostAllocation = (typeof COST_ALLOCATIONS)[number];

/** Row names OpenCost (and our estimate) give the non-workload rows. */
export const IDLE_NAME = "__idle__";
export const UNALLOCATED_NAME = "__unallocated__";
/** The label value shown for workloads without the grouped label. */
export const NO_LABEL = "(none)";

/** How the org rows split: a team, the workloads no team owns, idle capacity, unallocated cost. */
export type TCostBucket = "team" | "unassigned" | "idle" | "unallocated";

/** A period's figures: what the org overview, a team and the unassigned workloads all show. */
export type TPeriodSummary = {
  currency: string;
  range: TCostRange;
  previousRange: TCostRange;
  /** Sum of total_cost over the range (0 when no rows). */
  total: number;
  /** Same over the previous period; null when it has no rows at all (nothing to compare). */
  previousTotal: number | null;
  /** (total − previous) ÷ previous; null when previous is null or 0. */
  change: number | null;
  /** Cost-weighted used ÷ requested over rows whose usage is known; null when none is. */
  efficiency: number | null;
  /** Month of the range's end day (or today's when the range ends today). */
  month: TMonthForecast;
};

/** The org overview's summary: a period's figures and the split by source. */
export type TCostSummary = TPeriodSummary & {
  /** Cost per source over the range. */
  bySource: Record<TCostSource, number>;
  /** Days of the range whose rows were scaled to the cloud bill. */
  reconciledDays: number;
};

/** One team's (or the unassigned workloads') summary. */
export type TTeamCostSummary = TPeriodSummary;

export type TCostSeriesGroup = "team" | "cluster" | "namespace" | "label";

/** One point of a grouped daily series (long form; prepareCostSeries pivots it). */
export type TCostSeriesPoint = {
  day: string;
  /** Team id, cluster slug, namespace, label value; or "unassigned", "__idle__", "__unallocated__", "(none)". */
  key: string;
  label: string;
  bucket: TCostBucket | "group";
  cost: number;
};

export type TTeamCostRow = {
  /** Team id, or the bucket name for the team-less rows. */
  key: string;
  bucket: TCostBucket;
  team: { id: string; slug: string; name: string } | null;
  cost: number;
  /** Null when the bucket had no rows in the previous period. */
  previousCost: number | null;
  change: number | null;
  efficiency: number | null;
  /** cost ÷ total of the table (0…1); null when the total is 0. */
  share: number | null;
};

export type TCostBreakdownBy = "service" | "namespace" | "workload" | "container";

export type TCostBreakdownRow = {
  /** Stable key: the service, namespace, cluster/namespace/kind/name, or that plus /container. */
  key: string;
  label: string;
  cluster: { slug: string; name: string } | null;
  namespace: string | null;
  kind: string | null;
  workload: string | null;
  container: string | null;
  service: string | null;
  cost: number;
  previousCost: number | null;
  change: number | null;
  efficiency: number | null;
  share: number | null;
  cpuCoreHoursRequested: number;
  cpuCoreHoursUsed: number | null;
  memoryGibHoursRequested: number;
  memoryGibHoursUsed: number | null;
};

export type TCostMover = {
  service: string;
  cost: number;
  previousCost: number;
  /** cost − previousCost (positive: grew). */
  delta: number;
  change: number | null;
};

export type TServiceDay = {
  day: string;
  cost: number;
  cpuCoreHoursRequested: number;
  /** Null when no usage is known for that day. */
  cpuCoreHoursUsed: number | null;
  memoryGibHoursRequested: number;
  memoryGibHoursUsed: number | null;
};

export type TLabelCostRow = {
  /** The label value, "(none)" for workloads without the label, or __idle__ / __unallocated__. */
  value: string;
  bucket: "label" | "none" | "idle" | "unallocated";
  cost: number;
  previousCost: number | null;
  change: number | null;
  efficiency: number | null;
  share: number | null;
};

export { type TMonthForecast } from "./forecast";
export { type TCostRange } from "./range";

import { IDLE_NAME, NO_LABEL, UNALLOCATED_NAME, type TCostBucket } from "../types";

/** What a person reads for the special keys; anything else is shown as it is. */
export function bucketLabel(bucket: TCostBucket | "group" | "label" | "none", name: string): string {
  if (bucket === "unassigned" || name === "unassigned") return "Unassigned";
  if (bucket === "idle" || name === IDLE_NAME) return "Idle capacity";
  if (bucket === "unallocated" || name === UNALLOCATED_NAME) return "Unallocated";
  if (bucket === "none" || name === NO_LABEL) return "(none)";
  return name;
}

/** What the rows nobody owns are, under their name in the cost tables (keys as the queries give them). */
export const SPECIAL_ROW_HINTS: Readonly<Record<string, string>> = {
  unassigned: "Workloads no team's scope matches yet",
  idle: "Node capacity no workload requested",
  [IDLE_NAME]: "Node capacity no workload requested",
  unallocated: "OpenCost cost not attributed to a workload",
  [UNALLOCATED_NAME]: "OpenCost cost not attributed to a workload",
  [NO_LABEL]: "Workloads without this label",
};

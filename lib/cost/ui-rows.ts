import { IDLE_NAME, NO_LABEL, UNALLOCATED_NAME } from "./types";

/** What the rows nobody owns are, under their name in the cost tables (keys as the queries give them). */
export const SPECIAL_ROW_HINTS: Readonly<Record<string, string>> = {
  unassigned: "Workloads no team's scope matches yet",
  idle: "Node capacity no workload requested",
  [IDLE_NAME]: "Node capacity no workload requested",
  unallocated: "OpenCost cost not attributed to a workload",
  [UNALLOCATED_NAME]: "OpenCost cost not attributed to a workload",
  [NO_LABEL]: "Workloads without this label",
};

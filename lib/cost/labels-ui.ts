import { IDLE_NAME, NO_LABEL, UNALLOCATED_NAME, type TCostBucket } from "./types";

/** What a person reads for the special keys; anything else is shown as it is. */
export function bucketLabel(bucket: TCostBucket | "group" | "label" | "none", name: string): string {
  if (bucket === "unassigned" || name === "unassigned") return "Unassigned";
  if (bucket === "idle" || name === IDLE_NAME) return "Idle capacity";
  if (bucket === "unallocated" || name === UNALLOCATED_NAME) return "Unallocated";
  if (bucket === "none" || name === NO_LABEL) return "(none)";
  return name;
}

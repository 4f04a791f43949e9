// Whether a cluster is reporting, as pure functions: the Clusters table (a component) and alerting's
// stale-cluster groups use the same rule; the queries that list stale clusters live in stale.ts.

export type TReportingState = "waiting" | "reporting" | "stale";

const HOUR_MS = 3_600_000;

/** When a cluster whose last report arrived at `lastReportAt` turns stale. */
export function staleSince(lastReportAt: Date, staleAfterHours: number): Date {
  return new Date(lastReportAt.getTime() + staleAfterHours * HOUR_MS);
}

/**
 * The one rule for cluster staleness, shared by the Clusters page and alerting: a cluster that
 * never reported is waiting (not stale: nothing stopped), one whose latest report of any type is
 * more than `staleAfterHours` old is stale. Exactly at the limit it still counts as reporting.
 */
export function reportingState(lastReportAt: Date | null, staleAfterHours: number, now: Date): TReportingState {
  if (!lastReportAt) return "waiting";
  return now.getTime() > staleSince(lastReportAt, staleAfterHours).getTime() ? "stale" : "reporting";
}

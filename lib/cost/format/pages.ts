import { canTeam, effectiveTeamRole, type TOrgRole, type TTeamRole } from "@/lib/auth/permissions";
import { SPECIAL_ROW_HINTS } from "./buckets";
import { formatMoney } from "./numbers";
import type { TRangeState } from "./page-state";
import type { TPreparedCostRow } from "./tables";
import type { TCostSeriesGroup, TCostSummary, TServiceDay } from "../types";

// What the cost overview, team and service pages decide before they render: which empty state,
// which links and controls the viewer gets, what the figures add up to. Pure, so each page reads
// as guard → load → decide → render and the decisions are tested without a database.

/** Why a cost page has nothing to show: the viewer is on no team, no cost exists yet, or none in a custom range. */
export type TCostEmptyReason = "no-team" | "no-data" | "empty-range";

/**
 * The overview's empty state, or null when it has figures. A member on no team sees nothing by
 * design; otherwise "nothing" is no cost now, none before and no point in the chart.
 */
export function overviewEmptyReason({
  orgWide,
  teamIds,
  preset,
  summary,
  points,
}: {
  orgWide: boolean;
  /** The scope's teams (null: every team). */
  teamIds: readonly string[] | null;
  preset: TRangeState["preset"];
  summary: Pick<TCostSummary, "total" | "previousTotal">;
  points: number;
}): TCostEmptyReason | null {
  if (!orgWide && teamIds !== null && teamIds.length === 0) return "no-team";
  if (summary.total === 0 && summary.previousTotal === null && points === 0) {
    return preset === "custom" ? "empty-range" : "no-data";
  }
  return null;
}

/** The grouping the range picker's links keep: nothing for the default (by team). */
export function groupingToKeep(group: { groupBy: TCostSeriesGroup; labelKey: string | null }) {
  return { groupBy: group.groupBy === "team" ? null : group.groupBy, labelKey: group.labelKey };
}

/** Where the overview's figures come from, one part per source that has cost in the range. */
export function costSources(summary: Pick<TCostSummary, "bySource" | "reconciledDays">, currency: string): string[] {
  const { opencost, estimate, cloud } = summary.bySource;
  return [
    opencost > 0 ? `OpenCost ${formatMoney(opencost, currency)}` : null,
    estimate > 0 ? `estimated from requests ${formatMoney(estimate, currency)}` : null,
    cloud > 0 ? `reconciled to the cloud bill ${formatMoney(cloud, currency)} (${summary.reconciledDays} days)` : null,
  ].filter((part): part is string => part !== null);
}

/** Cost table rows with what the rows nobody owns are (unassigned, idle, unallocated, no label) under their name. */
export function withRowHints<R extends Pick<TPreparedCostRow, "key" | "special">>(
  rows: readonly R[],
): (R & { sub: string | null })[] {
  return rows.map((r) => ({ ...r, sub: r.special ? (SPECIAL_ROW_HINTS[r.key] ?? null) : null }));
}

type TViewerRoles = { role: TOrgRole; teamRoles: ReadonlyMap<string, TTeamRole> };

/** Whether the viewer sets budgets for the team: its team admins, and org owners and admins on every team. */
export function canBudgetTeam(viewer: TViewerRoles, teamId: string): boolean {
  return canTeam(effectiveTeamRole(viewer.role, viewer.teamRoles.get(teamId)), "team:budgets:manage");
}

/**
 * The budgets page link that opens a new budget filled in for the team (or a service of it), or
 * null where the viewer may not set one. The unassigned workloads (no team) have no budget.
 */
export function newBudgetHref(
  base: string,
  viewer: TViewerRoles,
  team: { id: string; slug: string } | null,
  service?: string,
): string | null {
  if (!team || !canBudgetTeam(viewer, team.id)) return null;
  const query: Record<string, string> = service
    ? { new: "service", team: team.slug, value: service }
    : { new: "team", team: team.slug };
  return `${base}/budgets?${new URLSearchParams(query)}`;
}

/** A URL segment as written, or as it came when it is not valid percent-encoding. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Core-hours and GiB-hours a service's containers requested over its days. */
export function requestedTotals(days: readonly TServiceDay[]): { cpu: number; memory: number } {
  return days.reduce(
    (t, d) => ({ cpu: t.cpu + d.cpuCoreHoursRequested, memory: t.memory + d.memoryGibHoursRequested }),
    { cpu: 0, memory: 0 },
  );
}

/** A part's share of a whole, or null when the whole is 0 (nothing to divide). */
export const shareOf = (part: number, whole: number): number | null => (whole ? part / whole : null);

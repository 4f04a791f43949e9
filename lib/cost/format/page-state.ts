import { ZRangeParams } from "../schemas";
import { isoDay, resolveRange, type TCostRange, type TRangePreset } from "../range";
import type { TCostBreakdownBy, TCostSeriesGroup } from "../types";

// The cost pages keep their state in the URL (?range=30d, or range=custom&from=…&to=…), so a view
// can be bookmarked and shared. Pure: used by server pages and the client leaves that build links.

export type TRangeState = {
  preset: TRangePreset;
  range: TCostRange;
  /** What the link carries to the next cost page (empty for the default, 30 days). */
  query: string;
  /** A problem with the link's range; the default range is shown instead. */
  problem: string | null;
};

type TSearch = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

export const RANGE_LABELS: Record<TRangePreset, string> = {
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  "90d": "Last 90 days",
  mtd: "Month to date",
  custom: "Custom",
};

const MAX_DAYS = 366;

/** The range a cost page shows: the link's, or the last 30 days with the reason when the link's is not usable. */
export function parseRangeState(search: TSearch, today: string = isoDay(new Date())): TRangeState {
  const parsed = ZRangeParams.safeParse({ range: first(search.range), from: first(search.from), to: first(search.to) });
  if (!parsed.success) {
    return { ...defaultState(today), problem: parsed.error.issues[0]?.message ?? "The range is not valid." };
  }
  const { range: preset } = parsed.data;
  const range = resolveRange(preset, today, parsed.data);
  const days = (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000 + 1;
  if (days > MAX_DAYS || range.from < "2000-01-01") {
    return { ...defaultState(today), problem: `A range covers at most ${MAX_DAYS} days.` };
  }
  return { preset, range, query: rangeQuery(preset, range), problem: null };
}

function defaultState(today: string): Omit<TRangeState, "problem"> {
  return { preset: "30d", range: resolveRange("30d", today), query: "" };
}

/** The query string of a range (no leading "?"); the default (30 days) is left out. */
export function rangeQuery(preset: TRangePreset, range: TCostRange): string {
  if (preset === "30d") return "";
  if (preset === "custom") return new URLSearchParams({ range: preset, from: range.from, to: range.to }).toString();
  return new URLSearchParams({ range: preset }).toString();
}

/** `path` with the range's query and any extra parameters (empty values dropped). */
export function costHref(
  path: string,
  rangeQueryString: string,
  extra: Record<string, string | null | undefined> = {},
) {
  const params = new URLSearchParams(rangeQueryString);
  for (const [key, value] of Object.entries(extra)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

export const GROUP_LABELS: Record<TCostSeriesGroup, string> = {
  team: "Team",
  cluster: "Cluster",
  namespace: "Namespace",
  label: "Label",
};

/** ?groupBy=team|cluster|namespace|label&labelKey=…; a label group without a usable key falls back to team. */
export function parseGroupState(
  search: TSearch,
  labelKeys: readonly string[],
): { groupBy: TCostSeriesGroup; labelKey: string | null } {
  const groupBy = first(search.groupBy);
  if (groupBy === "cluster" || groupBy === "namespace") return { groupBy, labelKey: null };
  if (groupBy === "label") {
    const key = first(search.labelKey);
    const chosen = key && labelKeys.includes(key) ? key : labelKeys[0];
    return chosen ? { groupBy: "label", labelKey: chosen } : { groupBy: "team", labelKey: null };
  }
  return { groupBy: "team", labelKey: null };
}

export const BREAKDOWN_LABELS: Record<TCostBreakdownBy, string> = {
  service: "Services",
  namespace: "Namespaces",
  workload: "Workloads",
  container: "Containers",
};

export function parseBreakdownState(search: TSearch): TCostBreakdownBy {
  const by = first(search.by);
  return by === "namespace" || by === "workload" || by === "container" ? by : "service";
}

/** "Nov 1 – Nov 30, 2026" for a range (UTC days). */
export function formatRange(range: TCostRange): string {
  const f = (day: string, year: boolean) =>
    new Intl.DateTimeFormat("en-US", {
      month: "short",
      day: "numeric",
      ...(year ? { year: "numeric" } : {}),
      timeZone: "UTC",
    }).format(new Date(`${day}T00:00:00Z`));
  if (range.from === range.to) return f(range.from, true);
  const sameYear = range.from.slice(0, 4) === range.to.slice(0, 4);
  return `${f(range.from, !sameYear)} – ${f(range.to, true)}`;
}

/** "Nov 3" for a chart axis or tooltip. */
export function formatDay(day: string): string {
  return new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

import {
  DEFAULT_FILTERS,
  toFindingSearchParams,
  UNASSIGNED_TEAM,
  type TFindingFilters,
} from "@/lib/domain/finding-filters";
import { parseFindingFilters } from "@/lib/findings/filters";
import { CATEGORY_LABELS, SOURCE_LABELS, STATE_LABELS, TICKET_FILTER_LABELS } from "./ui-labels";

// The findings list's URL beyond its filters (which page), the links that change one filter, and
// the way back from a finding to the list it was opened from. Client-safe: no server imports.

/**
 * Which page of a view: `cursor` (absent on the first page) and the cursors of the pages before it
 * (the first page is implicit), so "Previous" needs no OFFSET and no server state.
 */
export type TPageState = { cursor: string | null; prev: string[] };

export const FIRST_PAGE: TPageState = { cursor: null, prev: [] };

/** Past this many pages the oldest are dropped: "Previous" then lands on the first page early. */
export const MAX_PREV_PAGES = 20;

// Cursors are opaque base64url; anything else in the URL is ignored rather than sent to the query.
const CURSOR = /^[A-Za-z0-9_-]{1,512}$/;

type TParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function firstValue(params: TParamSource, name: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(name) ?? undefined;
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

export function parsePageState(params: TParamSource): TPageState {
  const cursor = firstValue(params, "cursor");
  if (!cursor || !CURSOR.test(cursor)) return FIRST_PAGE;
  const prev = (firstValue(params, "prev") ?? "")
    .split(",")
    .filter((c) => CURSOR.test(c))
    .slice(-MAX_PREV_PAGES);
  return { cursor, prev };
}

export function nextPage(current: TPageState, nextCursor: string): TPageState {
  const prev = current.cursor ? [...current.prev, current.cursor].slice(-MAX_PREV_PAGES) : [];
  return { cursor: nextCursor, prev };
}

/** The page before `current`, or null on the first page. */
export function previousPage(current: TPageState): TPageState | null {
  if (!current.cursor) return null;
  if (!current.prev.length) return FIRST_PAGE;
  return { cursor: current.prev[current.prev.length - 1], prev: current.prev.slice(0, -1) };
}

/** The canonical query string (no "?") of a view and page. */
export function findingsQuery(filters: TFindingFilters, page: TPageState = FIRST_PAGE): string {
  const params = toFindingSearchParams(filters);
  if (page.cursor) {
    params.set("cursor", page.cursor);
    if (page.prev.length) params.set("prev", page.prev.join(","));
  }
  return params.toString();
}

export function findingsListPath(orgSlug: string): string {
  return `/o/${encodeURIComponent(orgSlug)}/findings`;
}

export function findingsListHref(orgSlug: string, filters: TFindingFilters, page: TPageState = FIRST_PAGE): string {
  const query = findingsQuery(filters, page);
  return query ? `${findingsListPath(orgSlug)}?${query}` : findingsListPath(orgSlug);
}

/** A finding's page, remembering the list (its query string) it was opened from. */
export function findingDetailHref(orgSlug: string, id: string, listQuery = ""): string {
  const path = `${findingsListPath(orgSlug)}/${encodeURIComponent(id)}`;
  return listQuery ? `${path}?${new URLSearchParams({ back: listQuery })}` : path;
}

/**
 * Where "Back to findings" goes. `back` is the list's query string (or a path on the org's own
 * findings list); it is parsed and rewritten, so whatever it holds, the link stays on
 * /o/<org>/findings: never another origin, org or page.
 */
export function safeBackHref(orgSlug: string, back: string | null | undefined): string {
  const list = findingsListPath(orgSlug);
  if (!back) return list;
  let query = back;
  if (back.startsWith("/")) {
    const [path, search = ""] = back.split("?", 2);
    if (path !== list) return list;
    query = search;
  } else if (back.startsWith("?")) {
    query = back.slice(1);
  }
  const params = new URLSearchParams(query);
  const { filters } = parseFindingFilters(params);
  return findingsListHref(orgSlug, filters, parsePageState(params));
}

/** "Open" is the default status: asking for it explicitly is the same view, with the same URL. */
export function normalizeFilters(filters: TFindingFilters): TFindingFilters {
  return filters.status.length === 1 && filters.status[0] === "open" ? { ...filters, status: [] } : filters;
}

/**
 * The canonical query string of a list URL when it is not already in that form (a submitted form
 * repeats parameters and sends blanks), else null. The page redirects there, so what is shared and
 * saved is short and stable. A query with problems is kept as it is, so they can be shown.
 */
export function canonicalRedirectQuery(search: URLSearchParams): string | null {
  const { filters, problems } = parseFindingFilters(search);
  if (problems.length) return null;
  const canonical = findingsQuery(normalizeFilters(filters), parsePageState(search));
  return canonical === search.toString() ? null : canonical;
}

/** Names to show for slugs and ids in the filters. */
export type TFilterNames = {
  teams: Record<string, string>;
  clusters: Record<string, string>;
  people: Record<string, string>;
  /** Automation rules' names by id (the rule filter's chip says the rule's name). */
  rules?: Record<string, string>;
};

export type TFilterChip = { key: string; label: string; value: string; removeHref: string };

function capitalized(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

/** The label of one value of a filter, as a chip or a menu shows it. */
export function filterValueLabel(field: keyof TFindingFilters, value: string, names: TFilterNames): string {
  switch (field) {
    case "team":
      return value === UNASSIGNED_TEAM ? "Unassigned" : (names.teams[value] ?? value);
    case "cluster":
      return names.clusters[value] ?? value;
    case "assignee":
      return value === "me" ? "Me" : value === "none" ? "Nobody" : (names.people[value] ?? "Someone else");
    case "status":
      return STATE_LABELS[value as keyof typeof STATE_LABELS] ?? value;
    case "category":
      return CATEGORY_LABELS[value] ?? capitalized(value);
    case "source":
      return SOURCE_LABELS[value] ?? value;
    case "severity":
      return capitalized(value);
    case "rule":
      // Another org's rule, a deleted one or a typo: the filter matches nothing, and says so.
      return names.rules?.[value] ?? "Unknown rule";
    default:
      return value;
  }
}

const CHIP_FIELDS: { field: keyof TFindingFilters & string; label: string }[] = [
  { field: "q", label: "Text" },
  { field: "severity", label: "Severity" },
  { field: "status", label: "Status" },
  { field: "team", label: "Team" },
  { field: "assignee", label: "Assignee" },
  { field: "cluster", label: "Cluster" },
  { field: "namespace", label: "Namespace" },
  { field: "category", label: "Category" },
  { field: "source", label: "Source" },
  { field: "check", label: "Check" },
  { field: "tag", label: "Tag" },
  { field: "rule", label: "Changed by rule" },
];

const dateLabel = (value: string) =>
  new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${value}T00:00:00Z`));

/**
 * One removable chip per active filter value, in a fixed order; each links to the same view
 * without that value (and back to its first page). Sort and grouping are not filters.
 */
export function filterChips(orgSlug: string, filters: TFindingFilters, names: TFilterNames): TFilterChip[] {
  const chips: TFilterChip[] = [];
  const href = (change: Partial<TFindingFilters>) => findingsListHref(orgSlug, { ...filters, ...change });
  for (const { field, label } of CHIP_FIELDS) {
    if (field === "q") {
      if (filters.q) chips.push({ key: "q", label, value: `“${filters.q}”`, removeHref: href({ q: "" }) });
      continue;
    }
    const values = filters[field] as string[];
    for (const value of values) {
      chips.push({
        key: `${field}:${value}`,
        label,
        value: filterValueLabel(field, value, names),
        removeHref: href({ [field]: values.filter((v) => v !== value) }),
      });
    }
  }
  if (filters.ticket) {
    chips.push({
      key: "ticket",
      label: "Ticket",
      value: TICKET_FILTER_LABELS[filters.ticket].label,
      removeHref: href({ ticket: null }),
    });
  }
  if (filters.overdue) {
    chips.push({ key: "overdue", label: "Due", value: "Overdue", removeHref: href({ overdue: false }) });
  }
  if (filters.due) {
    chips.push({ key: "due", label: "Due by", value: dateLabel(filters.due), removeHref: href({ due: null }) });
  }
  if (filters.from) {
    chips.push({
      key: "from",
      label: "First seen from",
      value: dateLabel(filters.from),
      removeHref: href({ from: null }),
    });
  }
  if (filters.to) {
    chips.push({ key: "to", label: "First seen to", value: dateLabel(filters.to), removeHref: href({ to: null }) });
  }
  return chips;
}

/** The same view without any filter: sort and grouping stay. */
export function clearedFilters(filters: TFindingFilters): TFindingFilters {
  return { ...DEFAULT_FILTERS, sort: filters.sort, group: filters.group };
}

// The findings view as data: what the URL (pages) and the query string (API) say, parsed once,
// validated, and written back in one canonical order so a view can be shared and bookmarked.
// Client-safe: no server imports.

import { isCalendarDate } from "@/lib/server/safe-input";
import { unsafeTextReason } from "@/lib/server/text-safety";
import { FINDING_CATEGORIES } from "@/lib/domain/categories";
import { SEVERITY_LEVELS, type TSeverityLevel } from "@/lib/domain/severity";
import { TICKET_FILTERS, type TTicketFilter } from "@/lib/tickets/schemas";

export const FINDING_STATES = ["open", "snoozed", "resolved", "fixed", "removed"] as const;
export type TFindingState = (typeof FINDING_STATES)[number];

export const FINDING_SOURCES = ["polaris", "trivy", "pluto", "nova", "goldilocks", "kube-bench", "admission"] as const;

export const FINDING_SORTS = ["severity", "first_seen", "last_seen", "resource"] as const;
export type TFindingSort = (typeof FINDING_SORTS)[number];

export const FINDING_GROUPS = ["none", "check", "resource"] as const;
export type TFindingGroup = (typeof FINDING_GROUPS)[number];

/** The unassigned bucket in the `team` filter (org admins only). */
export const UNASSIGNED_TEAM = "unassigned";

export type TFindingFilters = {
  /** Team slugs, or UNASSIGNED_TEAM. Empty: every team the caller sees. */
  team: string[];
  /** Cluster slugs. */
  cluster: string[];
  namespace: string[];
  severity: TSeverityLevel[];
  category: string[];
  source: string[];
  check: string[];
  /** Empty means the default: open. */
  status: TFindingState[];
  /** "me", "none", or user ids. */
  assignee: string[];
  /** First seen on or after / before the end of (YYYY-MM-DD). */
  from: string | null;
  to: string | null;
  /** Findings with a ticket (any), without one (none), with an open one or only closed ones. */
  ticket: TTicketFilter | null;
  q: string;
  sort: TFindingSort;
  group: TFindingGroup;
};

export const DEFAULT_FILTERS: TFindingFilters = {
  team: [],
  cluster: [],
  namespace: [],
  severity: [],
  category: [],
  source: [],
  check: [],
  status: [],
  assignee: [],
  from: null,
  to: null,
  ticket: null,
  q: "",
  sort: "severity",
  group: "none",
};

export type TFilterProblem = { field: string; message: string };

type TParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

const LIST_FIELDS = [
  "team",
  "cluster",
  "namespace",
  "severity",
  "category",
  "source",
  "check",
  "status",
  "assignee",
] as const;
const MAX_VALUES = 50;
const MAX_VALUE_LENGTH = 253;
const MAX_QUERY_LENGTH = 200;

function valuesOf(params: TParamSource, name: string): string[] {
  const raw =
    params instanceof URLSearchParams
      ? params.getAll(name)
      : ((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))(params[name]);
  // Repeated parameters and comma lists are the same thing: ?severity=high&severity=critical or ?severity=high,critical.
  const values = raw
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
  return [...new Set(values)];
}

function oneOf<T extends string>(allowed: readonly T[], value: string): value is T {
  return (allowed as readonly string[]).includes(value);
}

/**
 * Parses filters from a query string. Problems are reported (the API answers 400 with them) and
 * the offending value is dropped, so a page with a stale bookmark still shows something sensible.
 */
export function parseFindingFilters(params: TParamSource): { filters: TFindingFilters; problems: TFilterProblem[] } {
  const problems: TFilterProblem[] = [];
  const filters: TFindingFilters = { ...DEFAULT_FILTERS };
  const enums: Partial<Record<(typeof LIST_FIELDS)[number], readonly string[]>> = {
    severity: SEVERITY_LEVELS,
    category: FINDING_CATEGORIES,
    status: FINDING_STATES,
  };
  for (const field of LIST_FIELDS) {
    let values = valuesOf(params, field);
    if (values.length > MAX_VALUES) {
      problems.push({ field, message: `At most ${MAX_VALUES} values.` });
      values = values.slice(0, MAX_VALUES);
    }
    const allowed = enums[field];
    const kept: string[] = [];
    for (const value of values) {
      const unsafe = unsafeTextReason(value);
      if (unsafe) problems.push({ field, message: `A value ${unsafe}.` });
      else if (value.length > MAX_VALUE_LENGTH)
        problems.push({ field, message: `A value is longer than ${MAX_VALUE_LENGTH} characters.` });
      else if (allowed && !allowed.includes(value)) {
        problems.push({ field, message: `Unknown ${field} "${value}"; use ${allowed.join(", ")}.` });
      } else kept.push(value);
    }
    (filters[field] as string[]) = kept;
  }
  for (const field of ["from", "to"] as const) {
    const value = valuesOf(params, field)[0];
    if (!value) continue;
    if (isCalendarDate(value)) filters[field] = value;
    else problems.push({ field, message: "Use a real date as YYYY-MM-DD." });
  }
  const ticket = valuesOf(params, "ticket")[0];
  if (ticket) {
    if (oneOf(TICKET_FILTERS, ticket)) filters.ticket = ticket;
    else problems.push({ field: "ticket", message: `Ticket: use ${TICKET_FILTERS.join(", ")}.` });
  }
  const q = valuesOf(params, "q").join(" ");
  const unsafeQ = unsafeTextReason(q);
  if (unsafeQ) problems.push({ field: "q", message: `The search ${unsafeQ}.` });
  else if (q.length > MAX_QUERY_LENGTH)
    problems.push({ field: "q", message: `At most ${MAX_QUERY_LENGTH} characters.` });
  filters.q = unsafeQ ? "" : q.slice(0, MAX_QUERY_LENGTH);
  const sort = valuesOf(params, "sort")[0];
  if (sort) {
    if (oneOf(FINDING_SORTS, sort)) filters.sort = sort;
    else problems.push({ field: "sort", message: `Sort by ${FINDING_SORTS.join(", ")}.` });
  }
  const group = valuesOf(params, "group")[0];
  if (group) {
    if (oneOf(FINDING_GROUPS, group)) filters.group = group;
    else problems.push({ field: "group", message: `Group by ${FINDING_GROUPS.join(", ")}.` });
  }
  return { filters, problems };
}

/** The states a view shows: the chosen ones, or open by default. */
export function effectiveStates(filters: TFindingFilters): TFindingState[] {
  return filters.status.length ? filters.status : ["open"];
}

/**
 * The canonical query string of a view: fixed parameter order, defaults left out, lists as comma
 * values. parseFindingFilters(toFindingSearchParams(f)) gives f back.
 */
export function toFindingSearchParams(filters: TFindingFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of LIST_FIELDS) {
    const values = filters[field];
    if (values.length) params.set(field, [...values].join(","));
  }
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  if (filters.ticket) params.set("ticket", filters.ticket);
  if (filters.q) params.set("q", filters.q);
  if (filters.sort !== DEFAULT_FILTERS.sort) params.set("sort", filters.sort);
  if (filters.group !== DEFAULT_FILTERS.group) params.set("group", filters.group);
  return params;
}

/** A copy of the view with some fields changed; for links that add or remove one filter. */
export function withFilters(filters: TFindingFilters, change: Partial<TFindingFilters>): TFindingFilters {
  return { ...filters, ...change };
}

export function hasActiveFilters(filters: TFindingFilters): boolean {
  return toFindingSearchParams({ ...filters, sort: DEFAULT_FILTERS.sort, group: DEFAULT_FILTERS.group }).size > 0;
}

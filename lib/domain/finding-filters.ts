// The findings view as data: what the URL (pages) and the query string (API) say, parsed once,
// validated, and written back in one canonical order so a view can be shared and bookmarked.
// Client-safe: no server imports.

import type { TSeverityLevel } from "@/lib/domain/severity";

/** Findings by their tickets: any ticket, none, an open one (or being created), or all closed. */
export const TICKET_FILTERS = ["any", "none", "open", "closed"] as const;
export type TTicketFilter = (typeof TICKET_FILTERS)[number];

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
  /** Rule tags (lib/automation/schemas.ts); a finding with any of them matches. */
  tag: string[];
  /** Automation rule ids: findings one of these rules changed ("changed by rule X"). */
  rule: string[];
  /** Open findings due on or before the end of this day (YYYY-MM-DD, UTC). */
  due: string | null;
  /** Only findings past their SLA due date that still need work. */
  overdue: boolean;
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
  tag: [],
  rule: [],
  due: null,
  overdue: false,
  q: "",
  sort: "severity",
  group: "none",
};

/** The filters that hold lists of values, in the canonical URL order. */
export const LIST_FIELDS = [
  "team",
  "cluster",
  "namespace",
  "severity",
  "category",
  "source",
  "check",
  "status",
  "assignee",
  "tag",
  "rule",
] as const;

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
  if (filters.due) params.set("due", filters.due);
  if (filters.overdue) params.set("overdue", "true");
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

import type { TTicketFilter } from "@/lib/domain/finding-filters";
import type { TFindingState } from "@/lib/domain/finding-filters";

// Words the findings pages use for stored values. Client-safe.

export const STATE_LABELS: Record<TFindingState, string> = {
  open: "Open",
  snoozed: "Snoozed",
  resolved: "Resolved",
  fixed: "Fixed",
  removed: "Removed",
};

/** What each state means, for people who do not know the lifecycle by heart. */
export const STATE_HINTS: Record<TFindingState, string> = {
  open: "Still present in the latest report",
  snoozed: "Hidden until a date, then open again",
  resolved: "Won't fix or working as intended",
  fixed: "Gone from the latest report",
  removed: "The resource no longer exists",
};

export const CATEGORY_LABELS: Record<string, string> = {
  security: "Security",
  reliability: "Reliability",
  efficiency: "Efficiency",
  deprecation: "Deprecation",
  upgrade: "Upgrade",
  compliance: "Compliance",
};

export const SOURCE_LABELS: Record<string, string> = {
  polaris: "Polaris",
  trivy: "Trivy",
  pluto: "Pluto",
  nova: "Nova",
  goldilocks: "Goldilocks",
  "kube-bench": "kube-bench",
  admission: "Admission webhook",
};

export const SORT_LABELS = {
  severity: "Severity",
  first_seen: "Newest first",
  last_seen: "Recently seen",
  resource: "Resource",
} as const;

export const GROUP_LABELS = { none: "List", check: "By check", resource: "By resource" } as const;

export const RESOLUTION_TEXT: Record<string, string> = {
  will_not_fix: "Will not fix",
  working_as_intended: "Working as intended",
  ticket_closed: "Closed in ticket",
};

export type TStateTone = "neutral" | "brand" | "green" | "amber" | "red" | "blue";

export const STATE_TONES: Record<TFindingState, TStateTone> = {
  open: "blue",
  snoozed: "amber",
  resolved: "neutral",
  fixed: "green",
  removed: "neutral",
};

/** The `ticket` filter's choices as the filter bar and its chips say them. */
export const TICKET_FILTER_LABELS: Record<TTicketFilter, { label: string; hint: string }> = {
  any: { label: "Has a ticket", hint: "Open or closed, in Jira or GitHub" },
  none: { label: "No ticket", hint: "Nobody has opened or linked one" },
  open: { label: "Open ticket", hint: "Being created or worked on" },
  closed: { label: "Closed ticket", hint: "Every ticket done or won't do" },
};

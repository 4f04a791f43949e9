// The admission decision log's view as data: its time ranges, outcomes and the link that carries
// them, shared by the Policies pages (lib/admission/decision-log.ts parses the URL) and the
// notifications that link into the log. Client-safe: no server imports.

export const DECISION_RANGES = ["24h", "7d", "30d", "90d"] as const;
export type TDecisionRange = (typeof DECISION_RANGES)[number];
export const DEFAULT_DECISION_RANGE: TDecisionRange = "7d";
export const DECISION_RANGE_LABELS: Record<TDecisionRange, string> = {
  "24h": "Last 24 hours",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  "90d": "Last 90 days",
};

/** `would_deny`: passive mode let it through, its blocking checks would have denied it. */
export const DECISION_OUTCOMES = ["allowed", "warned", "would_deny", "denied"] as const;
export type TDecisionOutcomeFilter = (typeof DECISION_OUTCOMES)[number];

/** An opaque page position (the log's keyset cursor). */
export type TDecisionCursor = string;

export type TDecisionSearch = {
  range: TDecisionRange;
  /** A team slug, or "none" for decisions about objects no team owns (org admins). */
  team?: string;
  /** A cluster slug. */
  cluster?: string;
  outcome?: TDecisionOutcomeFilter;
  cursor?: TDecisionCursor;
};

/** A link to the log with these filters (the default range left out) and, optionally, a page cursor. */
export function decisionHref(base: string, search: Omit<TDecisionSearch, "cursor">, cursor?: TDecisionCursor): string {
  const query = new URLSearchParams();
  if (search.range !== DEFAULT_DECISION_RANGE) query.set("range", search.range);
  for (const key of ["team", "cluster", "outcome"] as const) {
    const value = search[key];
    if (value) query.set(key, value);
  }
  if (cursor) query.set("cursor", cursor);
  const s = query.toString();
  return s ? `${base}?${s}` : base;
}

// The digest model: what a daily or weekly summary says about a team (or the whole org) for one
// period. Plain JSON (strings, numbers, booleans), because it travels in the outbox payload and
// every channel renders it at delivery: Slack blocks, a Teams card, an email, a webhook's JSON.
// Client-safe: no server imports.

export const DIGEST_SEVERITIES = ["critical", "high", "medium", "low"] as const;
export type TDigestSeverity = (typeof DIGEST_SEVERITIES)[number];

/** One count per severity (findings of severity "none" are left out of digests). */
export type TSeverityCounts = Record<TDigestSeverity, number>;

export type TDigestPeriodKind = "daily" | "weekly";

export type TDigestFindings = {
  /** Findings that became open in the period: `opened` and `reopened` events. */
  new: TSeverityCounts;
  /** Findings the scanners saw fixed in the period: `fixed` events. */
  fixed: TSeverityCounts;
  /** Open now: what the findings page lists by default (state open; not snoozed, resolved, fixed or removed). */
  open: TSeverityCounts;
  /**
   * The period before, for the trend: its new and fixed counts, and the findings open when this
   * period began (open now minus the period's net inflow into the open state).
   */
  previous: { new: TSeverityCounts; fixed: TSeverityCounts; open: TSeverityCounts };
};

/** A check worth fixing first: most critical and high open findings, then most resources. */
export type TDigestTopItem = {
  title: string;
  source: string;
  check: string;
  /** The worst severity among its open findings. */
  severity: TDigestSeverity | "none";
  /** Open critical and high findings of the check. */
  urgent: number;
  findings: number;
  /** Distinct resources (cluster, namespace, kind, name) affected. */
  resources: number;
  /** Absolute link to the findings page filtered on this check (and team). */
  link: string;
};

export type TDigestCostMover = {
  cluster: { slug: string; name: string };
  namespace: string;
  cost: number;
  previous: number;
  delta: number;
};

export type TDigestCost = {
  /** ISO 4217 code of the org's figures. */
  currency: string;
  /** Whole UTC days the figures cover (both ends included), and the same number of days before. */
  days: { from: string; to: string; previousFrom: string; previousTo: string };
  total: number;
  previous: number;
  /** (total − previous) ÷ previous; null when the previous period cost nothing. */
  change: number | null;
  /** Top three namespaces by absolute change. */
  movers: TDigestCostMover[];
  /** Every day of the period (quiet days as 0), with the same day of the previous period. */
  daily: { day: string; cost: number; previousCost: number }[];
  link: string;
};

export type TDigestBudget = {
  name: string;
  scope: "team" | "service" | "label";
  team: { slug: string; name: string } | null;
  monthlyAmount: number;
  /** Spend in the budget's UTC month up to the digest's day. */
  monthToDate: number;
  /** Forecast for the whole month; null before the month has data. */
  forecast: number | null;
  /** monthToDate ÷ monthlyAmount. */
  ratio: number;
  /** Thresholds crossed this month, as "actual:80" / "forecast:100". */
  crossed: string[];
};

export type TDigestStaleCluster = {
  slug: string;
  name: string;
  lastReportAt: string;
  hoursSilent: number;
};

export type TDigest = {
  kind: TDigestPeriodKind;
  org: { slug: string; name: string };
  /** Null: the org's digest (every team, and what no team owns). */
  team: { slug: string; name: string } | null;
  period: {
    /** ISO instants: the period is [from, to); the previous one [previousFrom, from). */
    from: string;
    to: string;
    previousFrom: string;
    /** IANA zone the label is written in (the team's; UTC for the org). */
    timeZone: string;
    /** "Week of 30 Nov – 6 Dec 2026" or "Sunday 6 Dec 2026". */
    label: string;
  };
  findings: TDigestFindings;
  /** At most five. */
  topToFix: TDigestTopItem[];
  cost: TDigestCost;
  /** At most ten, fullest first. */
  budgets: TDigestBudget[];
  /** Budgets left out of `budgets` by the limit. */
  moreBudgets: number;
  /** Clusters past the org's stale threshold (a team's: those running its workloads). */
  staleClusters: TDigestStaleCluster[];
  links: { findings: string; cost: string; budgets: string; clusters: string; home: string };
  /**
   * Nothing to say: nothing new, nothing fixed, nothing critical or high open, no cost movement
   * and no stale cluster. Subscribers choose "all clear" or nothing for such a period.
   */
  empty: boolean;
  generatedAt: string;
};

/** The outbox payload of a digest message (payload.type tells it from a TNotification). */
export type TDigestPayload = { type: "digest"; id: string; subscriptionId: string; digest: TDigest };

export const zeroCounts = (): TSeverityCounts => ({ critical: 0, high: 0, medium: 0, low: 0 });

export const totalOf = (counts: TSeverityCounts): number => counts.critical + counts.high + counts.medium + counts.low;

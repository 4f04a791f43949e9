import type { TSeverityLevel } from "@/lib/domain/severity";

// What a daily or weekly digest mail says, as plain data: the digest computation fills it, the
// template (digest-email.tsx) and the chart images (charts/digest-charts.ts) only present it.

export type TDigestCounts = { new: number; fixed: number; open: number };

export type TDigestSeverityRow = {
  severity: TSeverityLevel;
  /** New and fixed during the period, open at its end. */
  current: TDigestCounts;
  /** The same for the period before, for the trend. */
  previous: TDigestCounts;
};

export type TDigestFix = {
  title: string;
  severity: TSeverityLevel;
  /** Where it is, e.g. "prod-us-east / payments". */
  where?: string;
  /** Findings it covers. */
  count?: number;
  link: string;
};

export type TDigestCost = {
  currency: string;
  current: number;
  previous: number;
  /** Cost per day of the period, oldest first; `day` as YYYY-MM-DD. */
  daily: ReadonlyArray<{ day: string; amount: number }>;
  /** What changed most (services, namespaces or teams), biggest change first. */
  movers: ReadonlyArray<{ name: string; current: number; previous: number }>;
};

export type TDigestBudget = {
  name: string;
  spent: number;
  amount: number;
  currency: string;
  status: "ok" | "warning" | "over";
  link?: string;
};

export type TDigestStaleCluster = { name: string; /** e.g. "3 days ago". */ lastSeen: string; link?: string };

export type TDigestEmailProps = {
  cadence: "daily" | "weekly";
  /** e.g. "2 to 8 March 2026". */
  periodLabel: string;
  orgName: string;
  teamName?: string;
  /** Where "Open Bumpers" goes: the team's or org's overview. */
  link: string;
  severities: ReadonlyArray<TDigestSeverityRow>;
  /** The most urgent things to fix; the mail shows five. */
  topFixes: ReadonlyArray<TDigestFix>;
  cost?: TDigestCost;
  budgets?: ReadonlyArray<TDigestBudget>;
  staleClusters?: ReadonlyArray<TDigestStaleCluster>;
  /** The footer's link: a page that asks before it unsubscribes. */
  unsubscribeUrl?: string;
  /** The List-Unsubscribe header's URL, which mail clients POST to (RFC 8058); else the footer's. */
  oneClickUnsubscribeUrl?: string;
};

export const TOP_FIXES_SHOWN = 5;

export const totalOf = (
  rows: TDigestEmailProps["severities"],
  key: keyof TDigestCounts,
  period: "current" | "previous" = "current",
) => rows.reduce((sum, row) => sum + row[period][key], 0);

/** Nothing new, nothing to fix, no budget in trouble, every cluster reporting. */
export function isAllClear(digest: TDigestEmailProps): boolean {
  return (
    totalOf(digest.severities, "new") === 0 &&
    digest.topFixes.length === 0 &&
    !(digest.budgets ?? []).some((b) => b.status !== "ok") &&
    (digest.staleClusters ?? []).length === 0
  );
}

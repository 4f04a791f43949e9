import { formatChange, formatMoney, formatPercent } from "@/lib/cost/format/numbers";
import { SEVERITY_NAMES } from "@/lib/domain/severity";
import {
  DIGEST_SEVERITIES,
  totalOf,
  type TDigest,
  type TDigestBudget,
  type TDigestCostMover,
  type TDigestSeverity,
  type TDigestStaleCluster,
  type TDigestTopItem,
} from "./types";

// A digest's sentences as plain text, shared by every channel: each renderer escapes them for its
// own markup (Slack mrkdwn, Teams markdown) and adds its own links. Pure and client-safe.

/** Lists in a message stop here, with "and N more". */
export const LIST_LIMIT = 10;

const PERIOD_WORD = { daily: "day", weekly: "week" } as const;

export const audienceName = (d: TDigest) => d.team?.name ?? `${d.org.name} (all teams)`;

/** "Weekly digest: Payments" */
export const digestTitle = (d: TDigest) => `${d.kind === "weekly" ? "Weekly" : "Daily"} digest: ${audienceName(d)}`;

/** "▲ 3", "▼ 2" or "no change": the direction of a count against the previous period. */
export function trend(current: number, previous: number): string {
  if (current === previous) return "no change";
  return current > previous ? `▲ ${current - previous}` : `▼ ${previous - current}`;
}

/** "2 new (▲ 1) · 1 fixed (no change) · 5 open (▼ 2)" for one severity. */
export function severityLine(d: TDigest, s: TDigestSeverity): string {
  const f = d.findings;
  return [
    `${f.new[s]} new (${trend(f.new[s], f.previous.new[s])})`,
    `${f.fixed[s]} fixed (${trend(f.fixed[s], f.previous.fixed[s])})`,
    `${f.open[s]} open (${trend(f.open[s], f.previous.open[s])})`,
  ].join(" · ");
}

export const severityName = (s: TDigestSeverity | "none") => SEVERITY_NAMES[s];

/** The severities a digest talks about: those with anything new, fixed or open. */
export const severitiesWithNews = (d: TDigest): TDigestSeverity[] =>
  DIGEST_SEVERITIES.filter(
    (s) => d.findings.new[s] + d.findings.fixed[s] + d.findings.open[s] + d.findings.previous.open[s] > 0,
  );

/** "3 new, 1 fixed, 12 open findings" */
export function findingsSummary(d: TDigest): string {
  const f = d.findings;
  return `${totalOf(f.new)} new, ${totalOf(f.fixed)} fixed, ${totalOf(f.open)} open findings`;
}

/** "— Critical · 12 resources · 14 findings" after a top item's title. */
export const topItemDetails = (t: TDigestTopItem) =>
  `${severityName(t.severity)} · ${t.resources} resource${t.resources === 1 ? "" : "s"} · ${t.findings} finding${t.findings === 1 ? "" : "s"} (${t.check})`;

/** "$77.00 this week, +38% against $56.00 the week before" */
export function costLine(d: TDigest): string {
  const c = d.cost;
  const word = PERIOD_WORD[d.kind];
  return `${formatMoney(c.total, c.currency)} this ${word}, ${formatChange(c.change)} against ${formatMoney(c.previous, c.currency)} the ${word} before`;
}

export const hasCost = (d: TDigest) => d.cost.total !== 0 || d.cost.previous !== 0;

/** "prod / payments-api: +$35.00 ($35.00 → $70.00)" */
export function moverLine(m: TDigestCostMover, currency: string): string {
  const sign = m.delta > 0 ? "+" : "−";
  return `${m.cluster.name} / ${m.namespace}: ${sign}${formatMoney(Math.abs(m.delta), currency)} (${formatMoney(m.previous, currency)} → ${formatMoney(m.cost, currency)})`;
}

/** "A monthly: $66.00 of $100.00 this month (66%), crossed: actual 50%" */
export function budgetLine(b: TDigestBudget, currency: string): string {
  const crossed = b.crossed.map((k) => k.replace(":", " ") + "%");
  return `${b.name}: ${formatMoney(b.monthToDate, currency)} of ${formatMoney(b.monthlyAmount, currency)} this month (${formatPercent(b.ratio)})${crossed.length ? `, crossed: ${crossed.join(", ")}` : ""}`;
}

export const staleLine = (c: TDigestStaleCluster) => `${c.name} (${c.slug}): no report for ${c.hoursSilent} h`;

/** The whole "all clear" sentence of an empty digest. */
export const allClearText = (d: TDigest) =>
  `All clear for ${audienceName(d)} (${d.period.label}): no new or fixed findings, no critical or high findings open, no cost change and no stale cluster.`;

/** The notification text of any channel (Slack's fallback, a preview line). */
export function fallbackText(d: TDigest): string {
  if (d.empty) return allClearText(d);
  const parts = [findingsSummary(d)];
  if (hasCost(d)) parts.push(`cost ${costLine(d)}`);
  if (d.staleClusters.length) parts.push(`${d.staleClusters.length} stale cluster(s)`);
  return `${digestTitle(d)} (${d.period.label}): ${parts.join("; ")}.`;
}

/** The first `LIST_LIMIT` lines of a list, and "…and N more" (plus what the digest left out). */
export function capped<T>(items: readonly T[], line: (item: T) => string, leftOut = 0): string[] {
  const lines = items.slice(0, LIST_LIMIT).map(line);
  const more = Math.max(0, items.length - LIST_LIMIT) + leftOut;
  if (more) lines.push(`…and ${more} more`);
  return lines;
}

/** Cuts text to `max` characters, ending in "…" when cut. */
export const truncate = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

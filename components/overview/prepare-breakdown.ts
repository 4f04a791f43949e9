import { FINDING_CATEGORIES } from "@/lib/domain/categories";
import { SEVERITY_LEVELS, type TSeverityLevel } from "@/lib/domain/severity";

// Severity and category breakdowns of open findings, as rows the cards render as they are.

export type TBreakdownRow<K extends string> = {
  key: K;
  count: number;
  /** Share of the total, 0..1. */
  share: number;
  /** "42%", "<1%" for a small non-zero share, "0%". */
  percent: string;
  /** Bar length relative to the largest row, 0..1. */
  scale: number;
};

export function formatShare(share: number): string {
  if (share > 0 && share < 0.005) return "<1%";
  return `${Math.round(share * 100)}%`;
}

function rows<K extends string>(keys: readonly K[], counts: Record<K, number>): TBreakdownRow<K>[] {
  const total = keys.reduce((sum, k) => sum + (counts[k] ?? 0), 0);
  const max = Math.max(0, ...keys.map((k) => counts[k] ?? 0));
  return keys.map((key) => {
    const count = counts[key] ?? 0;
    const share = total ? count / total : 0;
    return { key, count, share, percent: formatShare(share), scale: max ? count / max : 0 };
  });
}

/**
 * Severities worst first. "none" (informational) only appears when something has it, so the usual
 * card does not carry an always-empty row.
 */
export function prepareSeverities(bySeverity: Record<TSeverityLevel, number>) {
  const all = rows(SEVERITY_LEVELS, bySeverity);
  const total = all.reduce((sum, r) => sum + r.count, 0);
  return { total, rows: all.filter((r) => r.key !== "none" || r.count > 0) };
}

/** Categories with findings, largest first (ties in the fixed category order); empty ones left out. */
export function prepareCategories(byCategory: Record<(typeof FINDING_CATEGORIES)[number], number>) {
  const all = rows(FINDING_CATEGORIES, byCategory);
  const total = all.reduce((sum, r) => sum + r.count, 0);
  return { total, rows: all.filter((r) => r.count > 0).sort((a, b) => b.count - a.count) };
}

export const CATEGORY_LABEL: Record<(typeof FINDING_CATEGORIES)[number], string> = {
  security: "Security",
  reliability: "Reliability",
  efficiency: "Efficiency",
  deprecation: "Deprecations",
  upgrade: "Upgrades",
  compliance: "Compliance",
};

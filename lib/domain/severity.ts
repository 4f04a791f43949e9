// Severity as every feature speaks it: findings, checks, alert rules, admission and the CLI.
// Client-safe and dependency-free, so components, the worker and `bumpers check` share one copy.

/** Most severe first; "none" is a finding whose tool gives no severity (never a check's setting). */
export const SEVERITY_LEVELS = ["critical", "high", "medium", "low", "none"] as const;
export type TSeverityLevel = (typeof SEVERITY_LEVELS)[number];

/** The severities a check can be set to. */
export const CHECK_SEVERITIES = ["critical", "high", "medium", "low"] as const;
export type TCheckSeverity = (typeof CHECK_SEVERITIES)[number];

/** Higher is more severe: compare with `SEVERITY_RANK[a] > SEVERITY_RANK[b]`. */
export const SEVERITY_RANK: Readonly<Record<TSeverityLevel, number>> = {
  critical: 4,
  high: 3,
  medium: 2,
  low: 1,
  none: 0,
};

/** How the UI names each level. */
export const SEVERITY_NAMES: Readonly<Record<TSeverityLevel, string>> = {
  critical: "Critical",
  high: "High",
  medium: "Medium",
  low: "Low",
  none: "None",
};

/** Fairwinds' bands over the 0..1 score: ≥0.9 critical, ≥0.7 high, ≥0.4 medium, ≥0.1 low. */
export function severityLabel(score: number): TSeverityLevel {
  if (score >= 0.9) return "critical";
  if (score >= 0.7) return "high";
  if (score >= 0.4) return "medium";
  if (score >= 0.1) return "low";
  return "none";
}

import { SLA_SEVERITIES, type TSlaPolicy, type TSlaSeverity } from "./schemas";

// The rules of SLA policies, pure and client-safe, so the forms show what the server enforces.

export const SLA_SEVERITY_LABELS: Record<TSlaSeverity, string> = {
  critical: "Critical",
  high: "High",
  medium: "Medium",
  low: "Low",
};

/** A team's own policy: null for a severity means "as the org's". */
export const EMPTY_SLA_POLICY: TSlaPolicy = { critical: null, high: null, medium: null, low: null };

/**
 * Why a team's own value is refused, by severity: a team may only be stricter (fewer days) than the
 * org, and may set days where the org has none. Empty when the policy is acceptable.
 */
export function teamPolicyProblems(org: TSlaPolicy, team: TSlaPolicy): Partial<Record<TSlaSeverity, string>> {
  const problems: Partial<Record<TSlaSeverity, string>> = {};
  for (const s of SLA_SEVERITIES) {
    const own = team[s];
    const limit = org[s];
    if (own !== null && limit !== null && own > limit)
      problems[s] =
        `A team may only be stricter: at most ${limit} ${limit === 1 ? "day" : "days"}, the organization's.`;
  }
  return problems;
}

/** The days that apply to a team's findings: the stricter of the org's and the team's own. */
export function effectiveSlaPolicy(org: TSlaPolicy, team: TSlaPolicy | null): TSlaPolicy {
  const out = { ...org };
  if (!team) return out;
  for (const s of SLA_SEVERITIES) {
    const own = team[s];
    const base = org[s];
    out[s] = own === null ? base : base === null ? own : Math.min(own, base);
  }
  return out;
}

/** True when a team's policy sets no value of its own (it is the org's). */
export const isEmptySlaPolicy = (p: TSlaPolicy) => SLA_SEVERITIES.every((s) => p[s] === null);

/** "7 days", "1 day", "No SLA". */
export function formatSlaDays(days: number | null): string {
  if (days === null) return "No SLA";
  return days === 1 ? "1 day" : `${days.toLocaleString("en-US")} days`;
}

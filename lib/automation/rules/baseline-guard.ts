import { patternsCanOverlap } from "@/lib/alerting/rules/match";
import { SEVERITY_LEVELS, SEVERITY_RANK, type TSeverityLevel } from "@/lib/domain/severity";
import type { TActions, TCondition } from "../schemas";

// A team rule may never lower a finding below what the org baseline pages for (issue 19): the
// engine clamps at run time, and this refuses such a rule at save time with the baseline rule's
// name, so the team's list never promises what will not happen. Like lib/alerting/rules/
// baseline-guard.ts it errs towards protecting the baseline: a condition it cannot compare with
// the baseline's match (labels, title, images…) counts as overlapping.

/** An org baseline alert rule, as far as the guard needs it (findings rules that page). */
export type TBaselinePager = {
  name: string;
  minSeverity: TSeverityLevel;
  categories: readonly string[];
  sources: readonly string[];
  checks: readonly string[];
  clusters: readonly string[];
  namespaces: readonly string[];
};

type TGuarded = { conditions: readonly TCondition[]; actions: Pick<TActions, "severity"> };

/** The most severe level a finding matching `conditions` can have. */
function highestMatched(conditions: readonly TCondition[]): TSeverityLevel {
  let rank = SEVERITY_RANK.critical;
  for (const c of conditions) {
    if (c.field !== "severity") continue;
    // "at most v" and "not at least v" both cap the severity.
    if (c.op === "at_most" && !c.negate) rank = Math.min(rank, SEVERITY_RANK[c.value]);
    if (c.op === "at_least" && c.negate) rank = Math.min(rank, SEVERITY_RANK[c.value] - 1);
  }
  return SEVERITY_LEVELS.find((s) => SEVERITY_RANK[s] === rank) ?? "none";
}

const listOverlaps = (values: readonly string[], negate: boolean, base: readonly string[]) => {
  if (base.length === 0) return true;
  // "not any of these": overlaps unless it excludes every value the baseline covers.
  if (negate) return !base.every((b) => values.includes(b));
  return values.some((v) => base.includes(v));
};

const patternsOverlap = (values: readonly string[], negate: boolean, base: readonly string[]) => {
  if (base.length === 0 || negate) return true;
  return values.some((v) => base.some((b) => patternsCanOverlap(v, b)));
};

/** Alert checks may name `source/check`; a rule's check condition names the check id. */
const checkPatterns = (base: readonly string[]) =>
  base.flatMap((b) => (b.includes("/") ? [b, b.slice(b.indexOf("/") + 1)] : [b]));

function overlaps(conditions: readonly TCondition[], base: TBaselinePager): boolean {
  if (SEVERITY_RANK[highestMatched(conditions)] < SEVERITY_RANK[base.minSeverity]) return false;
  return conditions.every((c) => {
    switch (c.field) {
      case "category":
        return listOverlaps(c.values, c.negate, base.categories);
      case "source":
        return listOverlaps(c.values, c.negate, base.sources);
      case "check":
        return patternsOverlap(c.values, c.negate, checkPatterns(base.checks));
      case "cluster":
        return patternsOverlap(c.values, c.negate, base.clusters);
      case "namespace":
        return patternsOverlap(c.values, c.negate, base.namespaces);
      default:
        return true;
    }
  });
}

/**
 * Why a team rule's severity action would lower findings the org baseline pages for, or null. A
 * rule lowers when it sets a severity below a baseline rule's minimum and can match findings at or
 * above that minimum.
 */
export function severityBaselineConflict(rule: TGuarded, baseline: readonly TBaselinePager[]): string | null {
  const to = rule.actions.severity?.to;
  if (!to) return null;
  for (const base of baseline) {
    if (SEVERITY_RANK[to] >= SEVERITY_RANK[base.minSeverity] || !overlaps(rule.conditions, base)) continue;
    const below = SEVERITY_LEVELS.find((s) => SEVERITY_RANK[s] === SEVERITY_RANK[base.minSeverity] - 1) ?? "none";
    return (
      `The org baseline alert rule “${base.name}” pages for ${base.minSeverity} and worse findings this rule can ` +
      `match; a team rule cannot lower them to ${to}. Set severity ${base.minSeverity} or higher, or narrow the ` +
      `rule (for example “severity at most ${below}”).`
    );
  }
  return null;
}

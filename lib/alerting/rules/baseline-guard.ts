import { PD_SEVERITY_RANK, type TPdSeverity, type TRuleKind, type TRuleMatch } from "../schemas";
import { matchesOverlap } from "./match";

type TGuardRule = { name: string; kind: TRuleKind; match: TRuleMatch; pdSeverity: TPdSeverity; noPage: boolean };

/**
 * Why a team rule would disable or lower the org baseline, or null when it does not. Baseline
 * rules are evaluated on their own for every team, so a team rule could not silence them anyway;
 * refusing such a rule keeps what the team sees in its list honest. Only rules of the same kind
 * that can match the same findings are compared.
 */
export function baselineConflict(rule: TGuardRule, baseline: readonly TGuardRule[]): string | null {
  for (const base of baseline) {
    if (base.kind !== rule.kind || base.noPage || !matchesOverlap(rule.match, base.match)) continue;
    if (rule.noPage) {
      return (
        `The org baseline rule "${base.name}" pages for some of what this rule matches; a team rule cannot ` +
        `turn that into "no page". Narrow this rule (severity, categories, checks, places) so it does not overlap.`
      );
    }
    if (PD_SEVERITY_RANK[rule.pdSeverity] < PD_SEVERITY_RANK[base.pdSeverity]) {
      return (
        `The org baseline rule "${base.name}" pages these findings at ${base.pdSeverity}; a team rule cannot ` +
        `lower that to ${rule.pdSeverity}. Use ${base.pdSeverity} or higher, or narrow this rule.`
      );
    }
  }
  return null;
}

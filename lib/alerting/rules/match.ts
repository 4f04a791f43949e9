import { globMatch } from "../../domain/glob";
import { SEVERITY_RANK, type TRuleMatch, type TSeverityLevel } from "../schemas";

// Pure rule matching, shared by the engine (transitions), the preview and the baseline guard.
// Patterns use the shared linear-time glob (lib/domain/glob.ts): `*` is any run, case-sensitive.

const anyOf = (patterns: readonly string[], value: string) =>
  patterns.length === 0 || patterns.some((p) => globMatch(p, value));

/** What matching looks at: the same for every finding of one check, severity, place and team. */
export type TMatchable = {
  severity: TSeverityLevel;
  category: string;
  source: string;
  checkId: string;
  cluster: string;
  namespace: string;
};

export function ruleMatches(match: TRuleMatch, item: TMatchable): boolean {
  return (
    SEVERITY_RANK[item.severity] >= SEVERITY_RANK[match.minSeverity] &&
    (match.categories.length === 0 || (match.categories as readonly string[]).includes(item.category)) &&
    (match.sources.length === 0 || match.sources.includes(item.source)) &&
    (anyOf(match.checks, item.checkId) || anyOf(match.checks, `${item.source}/${item.checkId}`)) &&
    anyOf(match.clusters, item.cluster) &&
    anyOf(match.namespaces, item.namespace)
  );
}

/**
 * The rules of one ordered list that apply: each matching rule in order, stopping after the first
 * match that does not say "continue".
 */
export function matchingRules<R extends { match: TRuleMatch; continueMatching: boolean }>(
  rules: readonly R[],
  item: TMatchable,
): R[] {
  const out: R[] = [];
  for (const rule of rules) {
    if (!ruleMatches(rule.match, item)) continue;
    out.push(rule);
    if (!rule.continueMatching) break;
  }
  return out;
}

/**
 * Could two patterns select a common value? Literal text before the first `*` and after the last
 * must agree (one a prefix/suffix of the other); beyond that it assumes yes, which errs towards
 * protecting the baseline.
 */
export function patternsCanOverlap(a: string, b: string): boolean {
  if (!a.includes("*") && !b.includes("*")) return a === b;
  if (!a.includes("*")) return globMatch(b, a);
  if (!b.includes("*")) return globMatch(a, b);
  const [pa, sa] = [a.slice(0, a.indexOf("*")), a.slice(a.lastIndexOf("*") + 1)];
  const [pb, sb] = [b.slice(0, b.indexOf("*")), b.slice(b.lastIndexOf("*") + 1)];
  return (pa.startsWith(pb) || pb.startsWith(pa)) && (sa.endsWith(sb) || sb.endsWith(sa));
}

function patternsOverlap(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  return a.some((x) => b.some((y) => patternsCanOverlap(x, y)));
}

/** Could some finding match both? Used to refuse team rules that would undercut the baseline. */
export function matchesOverlap(a: TRuleMatch, b: TRuleMatch): boolean {
  const setOverlap = (x: readonly string[], y: readonly string[]) =>
    x.length === 0 || y.length === 0 || x.some((v) => y.includes(v));
  return (
    setOverlap(a.categories, b.categories) &&
    setOverlap(a.sources, b.sources) &&
    patternsOverlap(a.checks, b.checks) &&
    patternsOverlap(a.clusters, b.clusters) &&
    patternsOverlap(a.namespaces, b.namespaces)
  );
}

import type { TScopeRuleDraftInput } from "@/lib/teams/schemas";
import type { TScopeRule } from "@/lib/domain/scope-rules";

// The scope editor's state: rules and label rows carry stable ids so React keeps focus and
// errors attached to the row the user typed in, whatever moves around it.

export type TDraftLabel = { id: string; key: string; value: string };

export type TDraftRule = {
  id: string;
  effect: "include" | "exclude";
  cluster: string;
  namespace: string;
  kind: string;
  name: string;
  labels: TDraftLabel[];
};

export const PATTERN_FIELDS = ["cluster", "namespace", "kind", "name"] as const;
export type TPatternField = (typeof PATTERN_FIELDS)[number];

/** Saved rules as editor rows; `*` (any) shows as an empty field with a `*` placeholder. */
export function toDraftRules(rules: readonly TScopeRule[]): TDraftRule[] {
  const blankAny = (v: string) => (v === "*" ? "" : v);
  return rules.map((rule, i) => ({
    id: `rule-${i}`,
    effect: rule.effect,
    cluster: blankAny(rule.cluster),
    namespace: blankAny(rule.namespace),
    kind: blankAny(rule.kind),
    name: blankAny(rule.name),
    labels: Object.entries(rule.labels).map(([key, value], j) => ({ id: `label-${i}-${j}`, key, value })),
  }));
}

/** What the server actions receive: the rows without their ids. */
export function toPayload(rules: readonly TDraftRule[]): TScopeRuleDraftInput[] {
  return rules.map((r) => ({
    effect: r.effect,
    cluster: r.cluster,
    namespace: r.namespace,
    kind: r.kind,
    name: r.name,
    labels: r.labels.map((l) => ({ key: l.key, value: l.value })),
  }));
}

/** Error key for a field of a rule, or of one of its label rows. */
export const errorKey = (ruleId: string, field: string, labelId?: string) =>
  labelId ? `${ruleId}.labels.${labelId}.${field}` : `${ruleId}.${field}`;

/**
 * Server field errors are keyed by position (`rules.2.labels.0.key`); re-key them by the ids of
 * the rows that were sent, so they stay on the right row after a move. Other errors go to `_`.
 */
export function errorsByRowId(
  sent: readonly TDraftRule[],
  fieldErrors: Record<string, string[]> | undefined,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(fieldErrors ?? {})) {
    const match = /^rules\.(\d+)\.(?:labels\.(\d+)\.)?(\w+)$/.exec(path);
    const rule = match ? sent[Number(match[1])] : undefined;
    const label = match?.[2] !== undefined ? rule?.labels[Number(match[2])] : undefined;
    const key = rule && match ? errorKey(rule.id, match[3], label?.id) : "_";
    (out[key] ??= []).push(...messages);
  }
  return out;
}

export function moveRule(rules: readonly TDraftRule[], index: number, by: -1 | 1): TDraftRule[] {
  const target = index + by;
  if (target < 0 || target >= rules.length) return [...rules];
  const next = [...rules];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}

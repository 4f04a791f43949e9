import "server-only";
import type { TAutomationRule, TCondition } from "../schemas";
import { conditionsSql, type TCompileContext, type TConditionTarget } from "./compile-conditions";

// Most conditions read what a finding is (where, which check, which image, which CVE), which no
// rule changes: those are evaluated for every rule in ONE pass, while the candidates are filled
// (c.sm[slot], one boolean per rule), so every lookup (namespace labels, workloads, images) is
// hashed once per run instead of once per rule. Only severity and team conditions read the
// pipeline's state (what earlier rules set): they stay in each rule's own statement, which then
// reads the precomputed boolean; a rule whose static conditions matched nothing is not run.

/** Conditions that read the pipeline's desired state, evaluated per rule, in order. */
const DYNAMIC_FIELDS = new Set<TCondition["field"]>(["severity", "team"]);

export const isDynamic = (c: TCondition) => DYNAMIC_FIELDS.has(c.field);

/** The findings row as the fill reads it (severity and team conditions are never compiled here). */
const FILL_TARGET: TConditionTarget = {
  row: "f",
  severity: ["f.severity"],
  team: "f.owner_team_id",
  packages: "f.evidence->'packages'",
};

/** Per rule: its slot in c.sm (1-based), or null when it has no static condition (or did not compile). */
export type TStaticPlan = { slots: Map<string, number>; sql: (ctx: TCompileContext) => string | null };

export function planStaticMatches(rules: readonly TAutomationRule[]): TStaticPlan {
  const slots = new Map<string, number>();
  const members: { rule: TAutomationRule; conditions: TCondition[] }[] = [];
  for (const rule of rules) {
    const conditions = rule.conditions.filter((c) => !isDynamic(c));
    if (conditions.length === 0) continue;
    members.push({ rule, conditions });
    slots.set(rule.id, members.length);
  }
  return {
    slots,
    sql: (ctx) => {
      if (members.length === 0) return null;
      return `ARRAY[${members.map((m) => conditionsSql(m.conditions, FILL_TARGET, ctx)).join(",\n  ")}]`;
    },
  };
}

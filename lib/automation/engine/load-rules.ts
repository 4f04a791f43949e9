import "server-only";
import type pg from "pg";
import { ZActions, ZConditions, type TActions, type TAutomationRule } from "../schemas";

// The rules a run evaluates: the org's enabled, unexpired rules, org rules first (position
// order), then each team's (by team, then position), parsed with the same schemas the forms use.

/** A stored rule as SQL (aliased to these names) or Prisma's AutomationRule hands it over. */
export type TAutomationRuleRow = {
  id: string;
  orgId: string;
  teamId: string | null;
  position: number;
  name: string;
  enabled: boolean;
  conditions: unknown;
  actions: unknown;
  stopProcessing: boolean;
  expiresAt: Date | string | null;
  note: string;
};

/** The columns of automation_rules under the row's names, for `SELECT ${RULE_COLUMNS} FROM automation_rules r`. */
export const RULE_COLUMNS = `r.id, r.org_id AS "orgId", r.team_id AS "teamId", r.position, r.name, r.enabled,
  r.conditions, r.actions, r.stop_processing AS "stopProcessing", r.expires_at AS "expiresAt", r.note`;

/** The engine's order: org rules by position, then team rules by team and position. */
export const RULE_ORDER = `r.team_id NULLS FIRST, r.position, r.created_at, r.id`;

/** Enabled and not expired at $2 (with $1 the org). */
export const ACTIVE_RULES_WHERE = `r.org_id = $1::uuid AND r.enabled AND (r.expires_at IS NULL OR r.expires_at > $2::timestamptz)`;

/**
 * A stored row through the schemas the forms use (defaults added since fill in): the rule, and why
 * its conditions or actions no longer parse (then they are empty: the rule is shown, never run).
 */
export function parseStoredRule(row: TAutomationRuleRow): { rule: TAutomationRule; problem: string | null } {
  const conditions = ZConditions.safeParse(row.conditions ?? []);
  const actions = ZActions.safeParse(row.actions ?? {});
  const failed = !conditions.success
    ? { what: "conditions", error: conditions.error }
    : !actions.success
      ? { what: "actions", error: actions.error }
      : null;
  const issue = failed?.error.issues[0];
  return {
    rule: {
      id: row.id,
      orgId: row.orgId,
      teamId: row.teamId,
      position: row.position,
      name: row.name,
      enabled: row.enabled,
      conditions: conditions.success ? conditions.data : [],
      actions: actions.success ? actions.data : ({} as TActions),
      stopProcessing: row.stopProcessing,
      expiresAt: row.expiresAt === null ? null : new Date(row.expiresAt),
      note: row.note,
    },
    problem: failed
      ? `Stored ${failed.what} are not valid: ${issue?.message ?? "?"} (at ${issue?.path.join(".") || "the top"})`
      : null,
  };
}

/** Row → TAutomationRule; a stored rule that no longer parses is skipped and logged. */
export function ruleFromRow(row: TAutomationRuleRow): TAutomationRule | null {
  const { rule, problem } = parseStoredRule(row);
  if (!problem) return rule;
  console.error(`[automation] rule ${row.id} (${row.name}) skipped: ${problem}`);
  return null;
}

export function rulesFromRows(rows: readonly TAutomationRuleRow[]): TAutomationRule[] {
  return rows.map(ruleFromRow).filter((r): r is TAutomationRule => r !== null);
}

/** Enabled, unexpired rules of the org: org rules by position, then team rules by team and position. */
export async function loadActiveRules(client: pg.ClientBase, orgId: string, now: Date): Promise<TAutomationRule[]> {
  const { rows } = await client.query<TAutomationRuleRow>(
    `SELECT ${RULE_COLUMNS} FROM automation_rules r WHERE ${ACTIVE_RULES_WHERE} ORDER BY ${RULE_ORDER}`,
    [orgId, now],
  );
  return rulesFromRows(rows);
}

/** Whether a rule is in force at `now` (what loadActiveRules selects). */
export const isActive = (rule: TAutomationRule, now: Date) =>
  rule.enabled && (rule.expiresAt === null || rule.expiresAt.getTime() > now.getTime());

/** Org rules first (position order), then team rules by team and position; stable otherwise. */
export function inEngineOrder(rules: readonly TAutomationRule[]): TAutomationRule[] {
  return [...rules].sort((a, b) => {
    if ((a.teamId === null) !== (b.teamId === null)) return a.teamId === null ? -1 : 1;
    if (a.teamId !== b.teamId) return (a.teamId ?? "") < (b.teamId ?? "") ? -1 : 1;
    return a.position - b.position;
  });
}

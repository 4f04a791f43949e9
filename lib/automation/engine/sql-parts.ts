import "server-only";
import { SEVERITY_LEVELS, SEVERITY_RANK, type TSeverityLevel } from "@/lib/domain/severity";
import { DONE_PREFIX, MANUAL, type TMarkField } from "../marks";

// SQL fragments the engine's statements share. None of them embeds a user's value: values go
// through `param` (lib/server/sql.ts); the only literals are our own field names and constants.

/**
 * A `*` pattern (lib/domain/glob.ts: `*` any run, everything else literal, case-sensitive) as a
 * LIKE pattern with the default `\` escape: `%`, `_` and `\` are taken literally.
 */
export function globToLike(pattern: string): string {
  return pattern.replace(/[\\%_]/g, (c) => `\\${c}`).replace(/\*+/g, "%");
}

/**
 * The rank of a severity_level expression (higher is more severe). Postgres orders the enum as
 * declared (critical < high < …), the opposite of what "at least" means, so compare ranks.
 */
export function rankSql(expr: string): string {
  return `(CASE ${expr} ${SEVERITY_LEVELS.map((s) => `WHEN '${s}' THEN ${SEVERITY_RANK[s]}`).join(" ")} END)`;
}

/** The severity_level of a rank expression (the inverse of rankSql). */
export function severityOfRankSql(expr: string): string {
  return `(CASE ${expr} ${SEVERITY_LEVELS.map((s) => `WHEN ${SEVERITY_RANK[s]} THEN '${s}'::severity_level`).join(" ")} END)`;
}

export const rankOf = (severity: TSeverityLevel) => SEVERITY_RANK[severity];

/** The mark of `field` in a rule_marks expression, as text (null when none). */
export const markSql = (marks: string, field: TMarkField) => `(${marks}->>'${field}')`;

/** True when a rule set `field` and its change still stands (the mark is a rule id). */
export function ruleMarkedSql(marks: string, field: TMarkField): string {
  const m = markSql(marks, field);
  return `(${m} IS NOT NULL AND ${m} <> '${MANUAL}' AND ${m} NOT LIKE '${DONE_PREFIX}%')`;
}

/** True when `field` is a person's (MANUAL) or a spent one-off (done:<rule>): rules leave it alone. */
export function lockedMarkSql(marks: string, field: TMarkField): string {
  const m = markSql(marks, field);
  return `(${m} = '${MANUAL}' OR ${m} LIKE '${DONE_PREFIX}%')`;
}

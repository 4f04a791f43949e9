import "server-only";
import { param } from "@/lib/server/sql";
import type { TAutomationRule } from "../schemas";
import { CANDIDATES } from "./candidates-table";
import { conditionsSql, type TCompileContext, type TConditionTarget } from "./compile-conditions";
import { rankOf, severityOfRankSql } from "./sql-parts";
import { isDynamic } from "./static-matches";

// One rule as one UPDATE of the candidates table: every candidate still in the pipeline that
// satisfies the conditions (a team rule: only its team's) takes the rule's values for the fields
// no person decided. Later rules overwrite earlier ones (last wins); a stop ends the list.

/** The pipeline's view of a candidate: severity and team as earlier rules left them. */
export const PIPELINE_TARGET: TConditionTarget = {
  row: "c",
  severity: ["c.d_severity"],
  team: "c.d_team",
  packages: "c.packages",
};

export type TRuleCompileOptions = {
  /** The assignee is no longer a member of the org: the rule's other actions still apply. */
  skipAssign?: boolean;
  /** The team no longer exists in the org. */
  skipTeam?: boolean;
  /** Team rules: the baseline floor was computed into c.floor_rank. */
  floor?: boolean;
  /** The rule's static conditions were evaluated into c.sm[slot]: only the dynamic ones are compiled here. */
  slot?: number;
};

/** `field = CASE WHEN <locked> THEN <field> ELSE <value> END` for each pair. */
function unlessLocked(lock: string, pairs: Array<[string, string]>): string[] {
  return pairs.map(([column, value]) => `${column} = CASE WHEN ${lock} THEN c.${column} ELSE ${value} END`);
}

export function compileRule(
  rule: TAutomationRule,
  ctx: TCompileContext,
  options: TRuleCompileOptions = {},
): { text: string; values: unknown[] } {
  const p = ctx.params;
  const id = param(p, rule.id, "text");
  const now = () => param(p, ctx.now, "timestamptz");
  const set = [`matched = c.matched || ${id}`];
  if (rule.stopProcessing) set.push("stopped = true");
  const a = rule.actions;
  const isTeamRule = rule.teamId !== null;

  if (a.severity) {
    const to = param(p, a.severity.to, "severity_level");
    // A team rule never lowers below what the org baseline pages for (c.floor_rank).
    const value =
      isTeamRule && options.floor
        ? `CASE WHEN coalesce(c.floor_rank, 0) > ${param(p, rankOf(a.severity.to), "int")}
                THEN ${severityOfRankSql("c.floor_rank")} ELSE ${to} END`
        : to;
    set.push(
      ...unlessLocked("c.l_severity", [
        ["d_severity", value],
        ["s_severity", id],
        ["r_severity", param(p, a.severity.reason, "text")],
      ]),
    );
  }
  if (a.assign && !options.skipAssign) {
    set.push(
      ...unlessLocked("c.l_assignee", [
        ["d_assignee", param(p, a.assign.userId, "uuid")],
        ["s_assignee", id],
      ]),
    );
  }
  if (a.team && !isTeamRule && !options.skipTeam) {
    set.push(
      ...unlessLocked("c.l_team", [
        ["d_team", param(p, a.team.teamId, "uuid")],
        ["s_team", id],
      ]),
    );
  }
  if (a.addTags) {
    // Only tags the finding does not carry already from a person: those stay theirs.
    set.push(`d_tags = c.d_tags || (SELECT coalesce(jsonb_object_agg(t, ${id}), '{}'::jsonb)
                                       FROM unnest(${param(p, a.addTags, "text[]")}) t
                                      WHERE NOT t = ANY(c.m_tags))`);
  }
  if (a.snooze) {
    // Once per finding: a snooze this rule already set keeps its end. A resolved finding is not snoozed.
    const lock = "(c.l_snooze OR c.d_resolution IS NOT NULL)";
    const until = `CASE WHEN c.o_marks->>'snooze' = ${id}
                          THEN (SELECT f.snoozed_until FROM findings f WHERE f.id = c.finding_id)
                        ELSE NULL END`;
    set.push(
      ...unlessLocked(lock, [
        ["d_snooze", `coalesce(${until}, ${now()} + make_interval(days => ${param(p, a.snooze.days, "int")}))`],
        ["s_snooze", id],
      ]),
    );
  }
  if (a.resolve) {
    const expiresIn = a.resolve.expiresInDays;
    // The expiry is set once, when this rule resolves the finding; re-runs keep it.
    const kept = `(SELECT f.resolution_expires_at FROM findings f
                    WHERE f.id = c.finding_id AND f.resolution IS NOT NULL AND c.o_marks->>'resolution' = ${id})`;
    const expires =
      expiresIn === undefined
        ? "NULL::timestamptz"
        : `coalesce(${kept}, ${now()} + make_interval(days => ${param(p, expiresIn, "int")}))`;
    set.push(
      ...unlessLocked("c.l_resolution", [
        ["d_resolution", param(p, a.resolve.resolution, "finding_resolution")],
        ["d_reason", param(p, a.resolve.reason, "text")],
        ["d_expires", expires],
        ["s_resolution", id],
      ]),
      // Resolving ends a snooze (as a person's resolve does), unless a person snoozed it.
      ...unlessLocked("(c.l_snooze OR c.l_resolution)", [
        ["d_snooze", "NULL"],
        ["s_snooze", "NULL"],
      ]),
    );
  }
  if (a.due) {
    set.push(
      ...unlessLocked("c.l_due", [
        ["d_due", param(p, a.due.days, "int")],
        ["s_due", id],
      ]),
    );
  }

  const scope = isTeamRule ? `AND c.d_team = ${param(p, rule.teamId, "uuid")}` : "";
  const conditions =
    options.slot === undefined
      ? conditionsSql(rule.conditions, PIPELINE_TARGET, ctx)
      : `c.sm[${param(p, options.slot, "int")}] AND ${conditionsSql(rule.conditions.filter(isDynamic), PIPELINE_TARGET, ctx)}`;
  const text = `UPDATE ${CANDIDATES} c SET ${set.join(",\n  ")}
   WHERE NOT c.stopped ${scope}
     AND ${conditions}`;
  return { text, values: p };
}

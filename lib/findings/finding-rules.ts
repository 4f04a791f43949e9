import "server-only";
import { MARK_FIELDS, ruleOf, type TMarkField, type TRuleMarks } from "@/lib/automation/marks";
import { pool } from "@/lib/server/db";

// The rules behind a finding's current values (rule_marks), named and linkable, for the finding's
// page: "set by rule X: reason" beside its severity, "by rule X" beside its assignee, snooze and
// resolution, and which rule added each tag.

export type TFindingRule = {
  id: string;
  name: string;
  level: "org" | "team";
  /** A team rule's team (for its link); null for org rules. */
  teamSlug: string | null;
};

export type TFindingRules = {
  /** Per field a rule set: that rule, with the reason of a severity change. */
  fields: Partial<Record<TMarkField, TFindingRule & { reason: string | null }>>;
  /** Per tag a rule added: that rule. */
  tags: Record<string, TFindingRule>;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The org's rules that `marks` name. A mark naming a rule that was deleted since (or anything that
 * is not one of the org's rule ids) is left out: there is nothing to name or link.
 */
export async function rulesOfFinding(orgId: string, marks: TRuleMarks | null): Promise<TFindingRules> {
  const byField = MARK_FIELDS.flatMap((field) => {
    const id = ruleOf(marks, field);
    return id && UUID.test(id) ? [[field, id] as const] : [];
  });
  const byTag = Object.entries(marks?.tags ?? {}).filter(([, id]) => typeof id === "string" && UUID.test(id));
  const ids = [...new Set([...byField.map(([, id]) => id), ...byTag.map(([, id]) => id)])];
  if (!ids.length) return { fields: {}, tags: {} };
  const { rows } = await pool.query<{
    id: string;
    name: string;
    team_slug: string | null;
    team_id: string | null;
    severity_reason: string | null;
  }>(
    `SELECT r.id, r.name, r.team_id, t.slug AS team_slug, r.actions->'severity'->>'reason' AS severity_reason
       FROM automation_rules r LEFT JOIN teams t ON t.id = r.team_id
      WHERE r.org_id = $1 AND r.id = ANY($2::uuid[])`,
    [orgId, ids],
  );
  const rules = new Map(
    rows.map((r) => [
      r.id,
      {
        rule: { id: r.id, name: r.name, level: r.team_id ? "team" : "org", teamSlug: r.team_slug } as TFindingRule,
        reason: r.severity_reason,
      },
    ]),
  );
  const fields: TFindingRules["fields"] = {};
  for (const [field, id] of byField) {
    const found = rules.get(id.toLowerCase());
    if (found) fields[field] = { ...found.rule, reason: field === "severity" ? found.reason : null };
  }
  const tags: TFindingRules["tags"] = {};
  for (const [tag, id] of byTag) {
    const found = rules.get(id.toLowerCase());
    if (found) tags[tag] = found.rule;
  }
  return { fields, tags };
}

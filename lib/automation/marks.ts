// What rules did to a finding (findings.rule_marks), shared by the engine, triage and the finding
// page. Client-safe.
//
// Each field a rule can set carries who set it: a rule id (the rule's change stands while the rule
// still applies, and is undone when it no longer does), MANUAL (a person decided: rules leave the
// field alone), or DONE_PREFIX + rule id (a one-off change, such as a snooze or an expiring
// resolution, ran its course: that rule does not make it again).

export const MARK_FIELDS = ["severity", "assignee", "team", "snooze", "resolution", "due"] as const;
export type TMarkField = (typeof MARK_FIELDS)[number];

export const MANUAL = "manual";
export const DONE_PREFIX = "done:";

export type TRuleMarks = Partial<Record<TMarkField, string>> & {
  /** Tags a rule added: tag → rule id. */
  tags?: Record<string, string>;
  /** Rules whose ticket / notify / page actions already fired for this finding. */
  sent?: Record<string, true>;
};

/** The rule id behind a field's current value, or null (a person, nobody, or a spent one-off). */
export function ruleOf(marks: TRuleMarks | null | undefined, field: TMarkField): string | null {
  const mark = marks?.[field];
  if (!mark || mark === MANUAL || mark.startsWith(DONE_PREFIX)) return null;
  return mark;
}

/** Every rule id a finding's marks name (set fields and tags), for "changed by rule X". */
export function rulesIn(marks: TRuleMarks | null | undefined): string[] {
  if (!marks) return [];
  const ids = new Set<string>();
  for (const field of MARK_FIELDS) {
    const id = ruleOf(marks, field);
    if (id) ids.add(id);
  }
  for (const id of Object.values(marks.tags ?? {})) ids.add(id);
  return [...ids];
}

/** SQL: the jsonb update that says a person decided `field` (triage verbs use it). */
export const manualMarkSql = (field: TMarkField, f = "f") =>
  `coalesce(${f}.rule_marks, '{}'::jsonb) || jsonb_build_object('${field}', '${MANUAL}')`;

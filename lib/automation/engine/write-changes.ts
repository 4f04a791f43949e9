import "server-only";
import type pg from "pg";
import { MARK_FIELDS } from "../marks";
import { CANDIDATES } from "./candidates-table";

// After the pipeline: what changed, written at once. The new marks and tags are computed on the
// candidates, every changed field becomes a row of automation_changes (the rule that set it, or
// the rule whose change is undone), then one UPDATE of findings (the rollup triggers run once)
// and one INSERT of events (actor_id NULL, data.actorLabel `rule "<name>"`, data.rule).

export const CHANGES = "automation_changes";

/** New marks (a rule id where a rule set the field, kept where a person decided) and new tags. */
const MARKS = `UPDATE ${CANDIDATES} c SET
  n_marks = nullif(jsonb_strip_nulls(jsonb_build_object(
    ${MARK_FIELDS.map((f) => `'${f}', CASE WHEN c.l_${f} THEN c.o_marks->>'${f}' ELSE c.s_${f} END`).join(",\n    ")},
    'tags', nullif(c.d_tags, '{}'::jsonb),
    -- Rules whose ticket / notify / page fired for the finding and still match it.
    'sent', (SELECT jsonb_object_agg(m, true) FROM unnest(c.matched) m WHERE m = ANY($1::text[])))), '{}'::jsonb),
  n_tags = ARRAY(SELECT t FROM unnest(f.tags) t WHERE t = ANY(c.m_tags) OR c.d_tags ? t)
           || ARRAY(SELECT k FROM jsonb_object_keys(c.d_tags) k WHERE NOT k = ANY(f.tags) ORDER BY k)
  FROM findings f WHERE f.id = c.finding_id`;

const name = (table: string, id: string) =>
  `(SELECT coalesce(nullif(x.name, ''), ${table === "users" ? "x.email" : "x.slug"}) FROM ${table} x WHERE x.id = ${id})`;
const iso = (ts: string) => `(to_json(${ts}) #>> '{}')`;

/**
 * One row per changed field: (field, kind, setter or null, from/to as shown, event data). The
 * setter is the rule that set the new value; without one the change undoes the old mark's rule.
 */
const FIELD_ROWS = `
  ('severity', f.severity IS DISTINCT FROM c.d_severity, 'severity_changed', c.s_severity, 'severity',
   f.severity::text, c.d_severity::text,
   jsonb_build_object('from', f.severity, 'to', c.d_severity, 'reason', CASE WHEN c.s_severity IS NOT NULL THEN c.r_severity END)),
  ('assignee', f.assignee_id IS DISTINCT FROM c.d_assignee,
   CASE WHEN c.d_assignee IS NULL THEN 'unassigned' ELSE 'assigned' END, c.s_assignee, 'assignee',
   ${name("users", "f.assignee_id")}, ${name("users", "c.d_assignee")},
   CASE WHEN c.d_assignee IS NULL THEN jsonb_build_object('previousAssigneeId', f.assignee_id)
        ELSE jsonb_build_object('assigneeId', c.d_assignee, 'assigneeName', ${name("users", "c.d_assignee")},
                                'previousAssigneeId', f.assignee_id) END),
  ('team', f.owner_team_id IS DISTINCT FROM c.d_team, 'moved', c.s_team, 'team',
   ${name("teams", "f.owner_team_id")}, ${name("teams", "c.d_team")},
   jsonb_build_object('fromTeamId', f.owner_team_id, 'fromTeamName', ${name("teams", "f.owner_team_id")},
                      'toTeamId', c.d_team, 'toTeamName', ${name("teams", "c.d_team")})),
  ('snooze', f.snoozed_until IS DISTINCT FROM c.d_snooze,
   CASE WHEN c.d_snooze IS NULL THEN 'unsnoozed' ELSE 'snoozed' END, c.s_snooze, 'snooze',
   ${iso("f.snoozed_until")}, ${iso("c.d_snooze")},
   jsonb_build_object('until', coalesce(c.d_snooze, f.snoozed_until))),
  ('resolution', (f.resolution, f.resolution_reason) IS DISTINCT FROM (c.d_resolution, c.d_reason),
   CASE WHEN c.d_resolution IS NULL THEN 'unresolved' ELSE 'resolved' END, c.s_resolution, 'resolution',
   f.resolution::text, c.d_resolution::text,
   CASE WHEN c.d_resolution IS NULL THEN jsonb_build_object('previousResolution', f.resolution)
        ELSE jsonb_build_object('resolution', c.d_resolution, 'reason', c.d_reason, 'expiresAt', c.d_expires) END),
  ('due', f.sla_days IS DISTINCT FROM c.d_due, 'due_changed', c.s_due, 'due',
   f.sla_days::text, c.d_due::text, jsonb_build_object('days', c.d_due, 'previousDays', f.sla_days))`;

/** The rule of a change as events show it: the run's own (drafts too), else the stored one. */
const RULE_JSON = `coalesce($1::jsonb -> x.rule_id,
  (SELECT jsonb_build_object('id', ar.id, 'name', ar.name, 'level', CASE WHEN ar.team_id IS NULL THEN 'org' ELSE 'team' END)
     FROM automation_rules ar
    WHERE x.rule_id ~ '^[0-9a-fA-F-]{36}$' AND ar.id = x.rule_id::uuid),
  jsonb_build_object('id', x.rule_id, 'name', NULL, 'level', NULL))`;

const COLLECT = `INSERT INTO ${CHANGES} (finding_id, field, kind, rule_id, reverted, from_text, to_text, data, rule)
  SELECT x.*, ${RULE_JSON} FROM (
  SELECT c.finding_id, x.field, x.kind, coalesce(x.setter, c.o_marks->>x.mark), x.setter IS NULL,
         x.from_text, x.to_text, x.data
    FROM ${CANDIDATES} c JOIN findings f ON f.id = c.finding_id
   CROSS JOIN LATERAL (VALUES ${FIELD_ROWS}) AS x(field, changed, kind, setter, mark, from_text, to_text, data)
   WHERE x.changed
  UNION ALL
  -- Tags a rule added now, one event per rule.
  SELECT c.finding_id, 'tags', 'tagged', c.d_tags->>k, false, NULL, string_agg(k, ', ' ORDER BY k),
         jsonb_build_object('tags', jsonb_agg(k ORDER BY k))
    FROM ${CANDIDATES} c JOIN findings f ON f.id = c.finding_id, jsonb_object_keys(c.d_tags) k
   WHERE NOT k = ANY(f.tags)
   GROUP BY c.finding_id, c.d_tags->>k
  UNION ALL
  -- Tags rules had added that no rule adds any more.
  SELECT c.finding_id, 'tags', 'untagged', c.o_marks->'tags'->>t, true, string_agg(t, ', ' ORDER BY t), NULL,
         jsonb_build_object('tags', jsonb_agg(t ORDER BY t))
    FROM ${CANDIDATES} c JOIN findings f ON f.id = c.finding_id, unnest(f.tags) t
   WHERE NOT t = ANY(c.m_tags) AND NOT c.d_tags ? t
   GROUP BY c.finding_id, c.o_marks->'tags'->>t
  ) AS x(finding_id, field, kind, rule_id, reverted, from_text, to_text, data)`;

/** What a finding's row becomes: every rule-settable column, the marks and the time. */
const NEW_REPORTED = `CASE WHEN c.l_severity THEN f.reported_severity WHEN c.s_severity IS NOT NULL THEN c.b_severity END`;
const SAME_RESOLUTION = `(f.resolution, f.resolution_reason) IS NOT DISTINCT FROM (c.d_resolution, c.d_reason)`;

const UPDATE_FINDINGS = `UPDATE findings f SET
    severity = c.d_severity, reported_severity = ${NEW_REPORTED},
    assignee_id = c.d_assignee, owner_team_id = c.d_team, snoozed_until = c.d_snooze,
    resolution = c.d_resolution, resolution_reason = c.d_reason,
    resolved_at = CASE WHEN c.d_resolution IS NULL THEN NULL WHEN ${SAME_RESOLUTION} THEN f.resolved_at ELSE $1::timestamptz END,
    resolved_by_id = CASE WHEN ${SAME_RESOLUTION} THEN f.resolved_by_id END,
    resolution_expires_at = c.d_expires, sla_days = c.d_due, tags = c.n_tags, rule_marks = c.n_marks,
    updated_at = $1::timestamptz
  FROM ${CANDIDATES} c
  WHERE f.id = c.finding_id
    AND (f.severity, f.reported_severity, f.assignee_id, f.owner_team_id, f.snoozed_until, f.resolution,
         f.resolution_reason, f.resolution_expires_at, f.sla_days, f.tags, f.rule_marks)
        IS DISTINCT FROM
        (c.d_severity, ${NEW_REPORTED}, c.d_assignee, c.d_team, c.d_snooze, c.d_resolution,
         c.d_reason, c.d_expires, c.d_due, c.n_tags, c.n_marks)`;

const INSERT_EVENTS = `INSERT INTO finding_events (org_id, finding_id, kind, actor_id, report_id, data, created_at)
  SELECT $1::uuid, x.finding_id, x.kind::finding_event_kind, NULL, $2::uuid,
         x.data || jsonb_build_object('rule', x.rule, 'actorLabel', 'rule "' || coalesce(x.rule->>'name', 'deleted') || '"')
                || CASE WHEN x.reverted THEN '{"reverted": true}'::jsonb ELSE '{}'::jsonb END,
         $3::timestamptz
    FROM ${CHANGES} x
   ORDER BY x.finding_id, x.field, x.kind`;

export type TWriteInput = {
  orgId: string;
  now: Date;
  reportId: string | null;
  /** Rules whose ticket / notify / page actions mark findings as sent. */
  dispatchRuleIds: readonly string[];
  /** The run's rules as events name them: id → {id, name, level}. */
  ruleJson: Record<string, { id: string; name: string; level: "org" | "team" }>;
};

/** Computes the changes into automation_changes, writes findings and events. */
export async function writeChanges(client: pg.ClientBase, input: TWriteInput): Promise<void> {
  await client.query(MARKS, [input.dispatchRuleIds]);
  await client.query(`DROP TABLE IF EXISTS pg_temp.${CHANGES}`);
  await client.query(`CREATE TEMP TABLE ${CHANGES} (
      finding_id uuid NOT NULL, field text NOT NULL, kind text NOT NULL, rule_id text, reverted boolean NOT NULL,
      from_text text, to_text text, data jsonb NOT NULL, rule jsonb) ON COMMIT DROP`);
  await client.query(COLLECT, [JSON.stringify(input.ruleJson)]);
  await client.query(UPDATE_FINDINGS, [input.now]);
  await client.query(INSERT_EVENTS, [input.orgId, input.reportId, input.now]);
}

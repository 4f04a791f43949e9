import "server-only";
import type pg from "pg";
import { MARK_FIELDS } from "../marks";
import { CANDIDATES } from "./candidates-table";

// After the pipeline: what changed, written at once. The new marks and tags are computed on the
// candidates, every changed field becomes a row of automation_changes (the rule that set it, or
// the rule whose change is undone), then one UPDATE of findings (the rollup triggers run once)
// and one INSERT of events (actor_id NULL, data.actorLabel `rule "<name>"`, data.rule).

export const CHANGES = "automation_changes";

/** Only candidates a rule matched or that carry marks can change: the rest are as they were. */
const TOUCHED = `(c.o_marks IS NOT NULL OR c.matched <> '{}')`;

/** New marks (a rule id where a rule set the field, kept where a person decided) and new tags. */
const MARKS = `UPDATE ${CANDIDATES} c SET
  n_marks = nullif(jsonb_strip_nulls(jsonb_build_object(
    ${MARK_FIELDS.map((f) => `'${f}', CASE WHEN c.l_${f} THEN c.o_marks->>'${f}' ELSE c.s_${f} END`).join(",\n    ")},
    'tags', nullif(c.d_tags, '{}'::jsonb),
    -- Rules whose ticket / notify / page fired for the finding and still match it.
    'sent', (SELECT jsonb_object_agg(m, true) FROM unnest(c.matched) m WHERE m = ANY($1::text[])))), '{}'::jsonb),
  n_tags = ARRAY(SELECT t FROM unnest(c.o_tags) t WHERE t = ANY(c.m_tags) OR c.d_tags ? t)
           || ARRAY(SELECT k FROM jsonb_object_keys(c.d_tags) k WHERE NOT k = ANY(c.o_tags) ORDER BY k)
  WHERE ${TOUCHED}
  RETURNING c.finding_id`;

const name = (table: "users" | "teams", id: string) =>
  `(SELECT coalesce(nullif(x.name, ''), ${table === "users" ? "x.email" : "x.slug"}) FROM ${table} x WHERE x.id = ${id})`;
const iso = (ts: string) => `(to_json(${ts}) #>> '{}')`;

type TFieldChange = {
  field: string;
  /** True when the field changes (over `c`, the candidate row: o_ is now, d_ desired). */
  changed: string;
  kind: string;
  /** The rule that set the new value; null: the change undoes the rule of the old mark `mark`. */
  setter: string;
  mark: string;
  from: string;
  to: string;
  data: string;
};

const FIELD_CHANGES: TFieldChange[] = [
  {
    field: "severity",
    changed: "c.o_severity IS DISTINCT FROM c.d_severity",
    kind: "'severity_changed'",
    setter: "c.s_severity",
    mark: "severity",
    from: "c.o_severity::text",
    to: "c.d_severity::text",
    data: `jsonb_build_object('from', c.o_severity, 'to', c.d_severity,
             'reason', CASE WHEN c.s_severity IS NOT NULL THEN c.r_severity END)`,
  },
  {
    field: "assignee",
    changed: "c.o_assignee IS DISTINCT FROM c.d_assignee",
    kind: "CASE WHEN c.d_assignee IS NULL THEN 'unassigned' ELSE 'assigned' END",
    setter: "c.s_assignee",
    mark: "assignee",
    from: name("users", "c.o_assignee"),
    to: name("users", "c.d_assignee"),
    data: `CASE WHEN c.d_assignee IS NULL THEN jsonb_build_object('previousAssigneeId', c.o_assignee)
                ELSE jsonb_build_object('assigneeId', c.d_assignee, 'assigneeName', ${name("users", "c.d_assignee")},
                                        'previousAssigneeId', c.o_assignee) END`,
  },
  {
    field: "team",
    changed: "c.o_team IS DISTINCT FROM c.d_team",
    kind: "'moved'",
    setter: "c.s_team",
    mark: "team",
    from: name("teams", "c.o_team"),
    to: name("teams", "c.d_team"),
    data: `jsonb_build_object('fromTeamId', c.o_team, 'fromTeamName', ${name("teams", "c.o_team")},
                              'toTeamId', c.d_team, 'toTeamName', ${name("teams", "c.d_team")})`,
  },
  {
    field: "snooze",
    changed: "c.o_snooze IS DISTINCT FROM c.d_snooze",
    kind: "CASE WHEN c.d_snooze IS NULL THEN 'unsnoozed' ELSE 'snoozed' END",
    setter: "c.s_snooze",
    mark: "snooze",
    from: iso("c.o_snooze"),
    to: iso("c.d_snooze"),
    data: "jsonb_build_object('until', coalesce(c.d_snooze, c.o_snooze))",
  },
  {
    field: "resolution",
    changed: "(c.o_resolution, c.o_reason) IS DISTINCT FROM (c.d_resolution, c.d_reason)",
    kind: "CASE WHEN c.d_resolution IS NULL THEN 'unresolved' ELSE 'resolved' END",
    setter: "c.s_resolution",
    mark: "resolution",
    from: "c.o_resolution::text",
    to: "c.d_resolution::text",
    data: `CASE WHEN c.d_resolution IS NULL THEN jsonb_build_object('previousResolution', c.o_resolution)
                ELSE jsonb_build_object('resolution', c.d_resolution, 'reason', c.d_reason, 'expiresAt', c.d_expires) END`,
  },
  {
    field: "due",
    changed: "c.o_due IS DISTINCT FROM c.d_due",
    kind: "'due_changed'",
    setter: "c.s_due",
    mark: "due",
    from: "c.o_due::text",
    to: "c.d_due::text",
    data: "jsonb_build_object('days', c.d_due, 'previousDays', c.o_due)",
  },
];

const FROM_TOUCHED = `FROM ${CANDIDATES} c WHERE ${TOUCHED}`;

/** One SELECT per field, so names and data are only built for the findings where it changed. */
const FIELD_ROWS = FIELD_CHANGES.map(
  (x) => `SELECT c.finding_id, '${x.field}', ${x.kind}, coalesce(${x.setter}, c.o_marks->>'${x.mark}'),
                 ${x.setter} IS NULL, ${x.from}, ${x.to}, ${x.data}
            ${FROM_TOUCHED} AND ${x.changed}`,
).join("\n  UNION ALL\n  ");

/** The rule of a change as events show it: the run's own (drafts too), else the stored one. */
const RULE_JSON = `coalesce($1::jsonb -> x.rule_id,
  (SELECT jsonb_build_object('id', ar.id, 'name', ar.name, 'level', CASE WHEN ar.team_id IS NULL THEN 'org' ELSE 'team' END)
     FROM automation_rules ar
    WHERE x.rule_id ~ '^[0-9a-fA-F-]{36}$' AND ar.id = x.rule_id::uuid),
  jsonb_build_object('id', x.rule_id, 'name', NULL, 'level', NULL))`;

const COLLECT = `INSERT INTO ${CHANGES} (finding_id, field, kind, rule_id, reverted, from_text, to_text, data, rule)
  SELECT x.*, ${RULE_JSON} FROM (
  ${FIELD_ROWS}
  UNION ALL
  -- Tags a rule added now, one event per rule.
  SELECT c.finding_id, 'tags', 'tagged', c.d_tags->>k, false, NULL, string_agg(k, ', ' ORDER BY k),
         jsonb_build_object('tags', jsonb_agg(k ORDER BY k))
    FROM ${CANDIDATES} c, jsonb_object_keys(c.d_tags) k
   WHERE NOT k = ANY(c.o_tags)
   GROUP BY c.finding_id, c.d_tags->>k
  UNION ALL
  -- Tags rules had added that no rule adds any more.
  SELECT c.finding_id, 'tags', 'untagged', c.o_marks->'tags'->>t, true, string_agg(t, ', ' ORDER BY t), NULL,
         jsonb_build_object('tags', jsonb_agg(t ORDER BY t))
    FROM ${CANDIDATES} c, unnest(c.o_tags) t
   WHERE c.o_marks ? 'tags' AND NOT t = ANY(c.m_tags) AND NOT c.d_tags ? t
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
  -- By id (the findings primary key), never a scan of findings, however the planner sizes the temp table.
  WHERE f.id = ANY($2::uuid[]) AND f.id = c.finding_id AND ${TOUCHED}
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
  const touched = await client.query<{ finding_id: string }>(MARKS, [input.dispatchRuleIds]);
  await client.query(`DROP TABLE IF EXISTS pg_temp.${CHANGES}`);
  await client.query(`CREATE TEMP TABLE ${CHANGES} (
      finding_id uuid NOT NULL, field text NOT NULL, kind text NOT NULL, rule_id text, reverted boolean NOT NULL,
      from_text text, to_text text, data jsonb NOT NULL, rule jsonb) ON COMMIT DROP`);
  await client.query(COLLECT, [JSON.stringify(input.ruleJson)]);
  await client.query(UPDATE_FINDINGS, [input.now, touched.rows.map((r) => r.finding_id)]);
  await client.query(INSERT_EVENTS, [input.orgId, input.reportId, input.now]);
}

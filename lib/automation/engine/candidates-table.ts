import "server-only";
import type pg from "pg";
import { findingOwnerSql } from "@/lib/ingest/process/finding-owners";
import type { TMarkField } from "../marks";
import type { TCandidates } from "./types";
import { lockedMarkSql, ruleMarkedSql } from "./sql-parts";

// The run's working table: one row per open candidate finding with the columns the conditions
// read (copied once), and the desired state the rules build up, field by field: d_<field> the
// value, s_<field> the rule that set it (null: nobody in this run), l_<field> whether rules may
// touch it at all. Desired state starts from the finding with every rule-set field back at its
// base, so a rule that no longer sets a field leaves it reverted.

export const CANDIDATES = "automation_candidates";

// No index: every statement scans it whole, and rule statements rewrite many rows; an index would
// be maintained on each of those writes for nothing.
const CREATE = `CREATE TEMP TABLE ${CANDIDATES} (
  finding_id uuid NOT NULL,
  cluster_id uuid, namespace text, kind text, name text, source text, check_id text, category text,
  title text, image_id uuid, resource_id uuid, vulnerability_id text, reopened_count int,
  first_seen_at timestamptz, packages jsonb,
  -- The finding as it is now (the o_ columns), so the changes are worked out without findings.
  o_marks jsonb, o_tags text[], o_severity severity_level, o_assignee uuid, o_team uuid, o_snooze timestamptz,
  o_resolution finding_resolution, o_reason text, o_due int,
  stopped boolean NOT NULL DEFAULT false,
  matched text[] NOT NULL DEFAULT '{}',
  floor_rank int,
  l_severity boolean, l_assignee boolean, l_team boolean, l_snooze boolean, l_resolution boolean, l_due boolean,
  b_severity severity_level,
  d_severity severity_level, s_severity text, r_severity text,
  d_assignee uuid, s_assignee text,
  d_team uuid, s_team text,
  d_snooze timestamptz, s_snooze text,
  d_resolution finding_resolution, d_reason text, d_expires timestamptz, s_resolution text,
  d_due int, s_due text,
  m_tags text[], d_tags jsonb NOT NULL DEFAULT '{}',
  n_tags text[], n_marks jsonb,
  -- Each rule's static conditions, evaluated once in the fill (static-matches.ts).
  sm boolean[]
) ON COMMIT DROP`;

const marked = (field: TMarkField) => ruleMarkedSql("f.rule_marks", field);
/**
 * A person's decision: marked MANUAL (or spent: done:<rule>), or a value no rule set (an
 * assignment, snooze or resolution made before automation, or by a person since).
 */
const lockedWithValue = (field: TMarkField, column: string) =>
  `(${lockedMarkSql("f.rule_marks", field)} OR (f.rule_marks->>'${field}' IS NULL AND f.${column} IS NOT NULL))`;
/** The base value of a field: back where it was before a rule set it, else as it is. */
const base = (field: TMarkField, whenRuleSet: string, current: string) =>
  `CASE WHEN ${marked(field)} THEN ${whenRuleSet} ELSE ${current} END`;

const FILL = `INSERT INTO ${CANDIDATES} (
    finding_id, cluster_id, namespace, kind, name, source, check_id, category, title, image_id, resource_id,
    vulnerability_id, reopened_count, first_seen_at, packages, o_marks, o_tags,
    o_severity, o_assignee, o_team, o_snooze, o_resolution, o_reason, o_due,
    l_severity, l_assignee, l_team, l_snooze, l_resolution, l_due,
    b_severity, d_severity, d_assignee, d_team, d_snooze, d_resolution, d_reason, d_expires, d_due, m_tags, sm)
  SELECT f.id, f.cluster_id, f.namespace, f.kind, f.name, f.source, f.check_id, f.category,
         CASE WHEN $3::boolean THEN f.title END, f.image_id,
         f.resource_id, f.vulnerability_id, f.reopened_count, f.first_seen_at,
         CASE WHEN $2::boolean THEN f.evidence->'packages' END, f.rule_marks,
         f.tags, f.severity, f.assignee_id, f.owner_team_id, f.snoozed_until, f.resolution, f.resolution_reason,
         f.sla_days,
         ${lockedMarkSql("f.rule_marks", "severity")}, ${lockedWithValue("assignee", "assignee_id")},
         ${lockedMarkSql("f.rule_marks", "team")}, ${lockedWithValue("snooze", "snoozed_until")},
         ${lockedWithValue("resolution", "resolution")}, ${lockedMarkSql("f.rule_marks", "due")},
         ${base("severity", "coalesce(f.reported_severity, f.severity)", "f.severity")},
         ${base("severity", "coalesce(f.reported_severity, f.severity)", "f.severity")},
         ${base("assignee", "NULL", "f.assignee_id")},
         ${base("team", findingOwnerSql("f"), "f.owner_team_id")},
         ${base("snooze", "NULL", "f.snoozed_until")},
         ${base("resolution", "NULL", "f.resolution")},
         ${base("resolution", "NULL", "f.resolution_reason")},
         ${base("resolution", "NULL", "f.resolution_expires_at")},
         ${base("due", "NULL", "f.sla_days")},
         -- Tags a person (or anything but a rule) added: rules never take these away.
         ARRAY(SELECT t FROM unnest(f.tags) t WHERE NOT coalesce(f.rule_marks->'tags' ? t, false)),
         /*static*/NULL
    FROM findings f
   WHERE f.org_id = $1::uuid AND f.status = 'open'`;

/** Which wide columns the rules read: the others stay null, so every rule scans a narrower table. */
export type TNeededColumns = { packages: boolean; title: boolean };

/** The report's cluster and source, so its candidates are read through (cluster_id, source, status). */
export type TReportRef = { clusterId: string; source: string };

/** The rules' static conditions as one boolean[] over findings `f` (null: none), compiled into the fill's parameters. */
export type TStaticSql = (params: unknown[], inClusters: readonly string[]) => string | null;

/**
 * Creates the working table and fills it with the open findings of `candidates`; returns how many
 * and their clusters. A report's candidates are what it opened, reopened or changed (its
 * last_report_id). With `staticSql`, c.sm holds each rule's static match, computed in the same pass.
 */
export async function fillCandidates(
  client: pg.ClientBase,
  orgId: string,
  candidates: TCandidates,
  report: TReportRef | null,
  needed: TNeededColumns,
  staticSql?: TStaticSql,
): Promise<{ count: number; clusterIds: string[] }> {
  await client.query(`DROP TABLE IF EXISTS pg_temp.${CANDIDATES}`);
  await client.query(CREATE);
  // The clusters first (by primary key for ids): label and workload lookups stay inside them.
  const clusterIds = report
    ? [report.clusterId]
    : candidates.kind === "ids"
      ? (
          await client.query<{ id: string }>(
            `SELECT DISTINCT cluster_id AS id FROM findings WHERE id = ANY($1::uuid[]) AND org_id = $2::uuid`,
            [candidates.ids, orgId],
          )
        ).rows.map((r) => r.id)
      : [];
  if (clusterIds.length === 0) return { count: 0, clusterIds };
  const params: unknown[] =
    candidates.kind === "ids"
      ? [orgId, needed.packages, needed.title, candidates.ids]
      : [orgId, needed.packages, needed.title, report!.clusterId, report!.source, candidates.reportId];
  const where =
    candidates.kind === "ids"
      ? "AND f.id = ANY($4::uuid[])"
      : "AND f.cluster_id = $4::uuid AND f.source = $5 AND f.last_report_id = $6::uuid";
  const matches = staticSql?.(params, clusterIds) ?? "NULL";
  const filled = await client.query(`${FILL.replace("/*static*/NULL", () => matches)} ${where}`, params);
  return { count: filled.rowCount ?? 0, clusterIds };
}

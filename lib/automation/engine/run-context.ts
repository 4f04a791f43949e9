import "server-only";
import type pg from "pg";
import { param } from "@/lib/server/sql";
import type { TAutomationRule } from "../schemas";
import type { TReportRef } from "./candidates-table";
import { ACTIVE_RULES_WHERE, RULE_COLUMNS, RULE_ORDER, rulesFromRows, type TAutomationRuleRow } from "./load-rules";
import type { TCandidates, TRuleRun } from "./types";

// Everything a run needs to know before it touches a finding, in one round trip: the active rules,
// whether any finding of the org carries a rule's mark (without either, a run does nothing), the
// org's clusters (cluster conditions are globs over slugs) and the report's cluster and source.

export type TRunContext = {
  rules: TAutomationRule[];
  /** Some finding of the org carries a rule's mark (an index-only lookup: findings_rule_marked_idx). */
  marked: boolean;
  clusters: { id: string; slug: string }[];
  report: TReportRef | null;
};

export async function loadRunContext(
  client: pg.ClientBase,
  run: TRuleRun,
  candidates: TCandidates,
  givenRules: readonly TAutomationRule[] | undefined,
): Promise<TRunContext> {
  const params: unknown[] = [run.orgId];
  const rules = givenRules
    ? "NULL::json"
    : `(SELECT coalesce(json_agg(x), '[]'::json) FROM (
          SELECT ${RULE_COLUMNS} FROM automation_rules r
           WHERE ${ACTIVE_RULES_WHERE.replace("$2::timestamptz", param(params, run.now, "timestamptz"))}
           ORDER BY ${RULE_ORDER}) x)`;
  const report =
    candidates.kind === "report"
      ? `(SELECT json_build_object('clusterId', cluster_id, 'source', type) FROM reports
           WHERE id = ${param(params, candidates.reportId, "uuid")} AND org_id = $1::uuid)`
      : "NULL::json";
  const { rows } = await client.query<{
    rules: TAutomationRuleRow[] | null;
    marked: boolean;
    clusters: { id: string; slug: string }[];
    report: TReportRef | null;
  }>(
    `SELECT ${rules} AS rules,
            EXISTS (SELECT 1 FROM findings WHERE org_id = $1::uuid AND rule_marks IS NOT NULL) AS marked,
            (SELECT coalesce(json_agg(json_build_object('id', id, 'slug', slug)), '[]'::json)
               FROM clusters WHERE org_id = $1::uuid) AS clusters,
            ${report} AS report`,
    params,
  );
  const row = rows[0]!;
  return {
    rules: givenRules ? [...givenRules] : rulesFromRows(row.rules ?? []),
    // Given rules (a preview) may undo what stored ones did: assume marks.
    marked: givenRules ? true : row.marked,
    clusters: row.clusters,
    report: row.report,
  };
}

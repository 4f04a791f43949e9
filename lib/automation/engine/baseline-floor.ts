import "server-only";
import type pg from "pg";
import { ZRuleMatch, type TRuleMatch } from "@/lib/alerting/schemas";
import { param } from "@/lib/server/sql";
import { CANDIDATES } from "./candidates-table";
import { clusterIdsMatching, type TCompileContext } from "./compile-conditions";
import { globToLike, rankOf, rankSql } from "./sql-parts";

// A team rule can never lower a severity below what the org baseline pages for (issue 19): for
// each candidate, the lowest minSeverity among the baseline PagerDuty rules that page and match
// it at the severity it has before team rules. Team rules' severity actions clamp to that floor.
// Matching is lib/alerting/rules/match.ts ruleMatches, in SQL.

/** The org's baseline findings rules that page (not "no page"). */
export async function loadPagingBaseline(client: pg.ClientBase, orgId: string): Promise<TRuleMatch[]> {
  const { rows } = await client.query<{ match: unknown }>(
    `SELECT match FROM alert_rules
      WHERE org_id = $1::uuid AND team_id IS NULL AND kind = 'findings' AND NOT no_page
      ORDER BY position, created_at`,
    [orgId],
  );
  return rows.flatMap((r) => {
    const parsed = ZRuleMatch.safeParse(r.match ?? {});
    return parsed.success ? [parsed.data] : [];
  });
}

function matchSql(m: TRuleMatch, ctx: TCompileContext): string {
  const p = ctx.params;
  const parts = [`${rankSql("c.d_severity")} >= ${param(p, rankOf(m.minSeverity), "int")}`];
  if (m.categories.length) parts.push(`c.category = ANY(${param(p, m.categories, "text[]")})`);
  if (m.sources.length) parts.push(`c.source = ANY(${param(p, m.sources, "text[]")})`);
  if (m.checks.length) {
    const checks = param(p, m.checks.map(globToLike), "text[]");
    parts.push(`(c.check_id LIKE ANY(${checks}) OR (c.source || '/' || c.check_id) LIKE ANY(${checks}))`);
  }
  if (m.clusters.length) {
    parts.push(`c.cluster_id = ANY(${param(p, clusterIdsMatching(ctx.clusters, m.clusters), "uuid[]")})`);
  }
  if (m.namespaces.length) parts.push(`c.namespace LIKE ANY(${param(p, m.namespaces.map(globToLike), "text[]")})`);
  return parts.join(" AND ");
}

/** The UPDATE that sets c.floor_rank (null: no baseline rule pages for it), or null with no baseline. */
export function floorStatement(baseline: readonly TRuleMatch[], ctx: TCompileContext): { text: string; values: unknown[] } | null {
  if (baseline.length === 0) return null;
  const floors = baseline.map((m) => `CASE WHEN ${matchSql(m, ctx)} THEN ${rankOf(m.minSeverity)} END`);
  return {
    text: `UPDATE ${CANDIDATES} c SET floor_rank = LEAST(${floors.join(", ")}) WHERE NOT c.stopped`,
    values: ctx.params,
  };
}

import "server-only";
import type pg from "pg";
import { param } from "@/lib/server/sql";
import type { TAutomationRule } from "../schemas";
import { conditionsSql, type TCompileContext, type TConditionTarget } from "./compile-conditions";

// Which existing findings one rule could change, for "apply to existing findings" (batches in id
// order) and the preview: a superset is fine, the run decides exactly.

/**
 * The stored row seen through the conditions: a severity condition holds for either the current
 * severity or the tool's own (an earlier rule may have changed it), the team is the stored owner.
 */
const STORED_TARGET: TConditionTarget = {
  row: "f",
  severity: ["f.severity", "coalesce(f.reported_severity, f.severity)"],
  team: "f.owner_team_id",
  packages: "f.evidence->'packages'",
};

async function clustersOf(client: pg.ClientBase, orgId: string, rule: TAutomationRule) {
  if (!rule.conditions.some((c) => c.field === "cluster")) return [];
  const { rows } = await client.query<{ id: string; slug: string }>(
    `SELECT id, slug FROM clusters WHERE org_id = $1::uuid`,
    [orgId],
  );
  return rows;
}

/** WHERE over findings `f` (the org's open findings in the rule's scope, matching or marked by it). */
async function whereOf(client: pg.ClientBase, orgId: string, rule: TAutomationRule, now: Date, params: unknown[]) {
  const ctx: TCompileContext = { params, orgId, now, clusters: await clustersOf(client, orgId, rule) };
  const org = param(params, orgId, "uuid");
  const team = rule.teamId ? `AND f.owner_team_id = ${param(params, rule.teamId, "uuid")}` : "";
  const id = param(params, rule.id, "text");
  // Any mark naming the rule: a field it set, a tag it added, an action it fired.
  const marked = `(f.rule_marks IS NOT NULL AND (
      jsonb_path_exists(f.rule_marks, '$.** ? (@ == $id)', jsonb_build_object('id', ${id}))
      OR coalesce(f.rule_marks->'sent' ? ${id}, false)))`;
  return `f.org_id = ${org} AND f.status = 'open'
      AND ((true ${team} AND ${conditionsSql(rule.conditions, STORED_TARGET, ctx)}) OR ${marked})`;
}

/** Open findings the rule could change: in its scope (its team's for a team rule) and matching its
 * conditions, or carrying its marks (so an edit or a disable can undo); id order, after `afterId`. */
export async function findingsMatchingRule(
  client: pg.ClientBase,
  orgId: string,
  rule: TAutomationRule,
  page: { afterId: string | null; limit: number; now: Date },
): Promise<string[]> {
  const params: unknown[] = [];
  const where = await whereOf(client, orgId, rule, page.now, params);
  const after = page.afterId ? `AND f.id > ${param(params, page.afterId, "uuid")}` : "";
  const { rows } = await client.query<{ id: string }>(
    `SELECT f.id FROM findings f WHERE ${where} ${after} ORDER BY f.id LIMIT ${param(params, page.limit, "int")}`,
    params,
  );
  return rows.map((r) => r.id);
}

export async function countFindingsMatchingRule(
  client: pg.ClientBase,
  orgId: string,
  rule: TAutomationRule,
  now: Date,
): Promise<number> {
  const params: unknown[] = [];
  const where = await whereOf(client, orgId, rule, now, params);
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM findings f WHERE ${where}`, params);
  return rows[0]?.n ?? 0;
}

import "server-only";
import { z } from "zod";
import { pool } from "@/lib/server/db";
import { keyset, param } from "@/lib/server/sql";
import type { TAutomationTrigger } from "./engine/types";

// A rule's run ledger (automation_rule_runs), newest first: when it ran, on what, how many
// findings it matched and changed, how long it took, and what failed. The engine writes it.

export type TRuleRunRow = {
  id: string;
  trigger: TAutomationTrigger;
  reportId: string | null;
  jobId: string | null;
  startedAt: Date;
  durationMs: number;
  matched: number;
  changed: number;
  error: string | null;
};

export const RULE_RUNS_DEFAULT_LIMIT = 50;
export const RULE_RUNS_MAX_LIMIT = 500;

const RUN_KEY = keyset<TRuleRunRow>([
  { expr: "r.started_at", dir: "desc", cast: "timestamptz", of: (r) => r.startedAt },
  { expr: "r.id", dir: "desc", cast: "uuid", of: (r) => r.id },
]);

/**
 * One page of the rule's runs in the org (another org's rule has none), after the opaque
 * `cursor` (a bad_request when it is not one of ours).
 */
export async function listRuleRuns(
  orgId: string,
  ruleId: string,
  page: { limit?: number; cursor?: string | null } = {},
): Promise<{ runs: TRuleRunRow[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(Math.trunc(page.limit ?? RULE_RUNS_DEFAULT_LIMIT), 1), RULE_RUNS_MAX_LIMIT);
  const cursor = RUN_KEY.read(page.cursor);
  if (!z.uuid().safeParse(ruleId).success) return { runs: [], nextCursor: null };
  const params: unknown[] = [];
  const where = [`r.org_id = ${param(params, orgId, "uuid")}`, `r.rule_id = ${param(params, ruleId, "uuid")}`];
  if (cursor) where.push(RUN_KEY.where(cursor, params));
  const { rows } = await pool.query<TRuleRunRow>(
    `SELECT r.id, r.trigger::text AS trigger, r.report_id AS "reportId", r.job_id AS "jobId", r.started_at AS "startedAt",
            r.duration_ms AS "durationMs", r.matched, r.changed, r.error
       FROM automation_rule_runs r
      WHERE ${where.join(" AND ")}
      ORDER BY ${RUN_KEY.orderBy(cursor)}
      LIMIT ${param(params, limit + 1)}`,
    params,
  );
  const { data, next } = RUN_KEY.page(rows, limit, cursor);
  return { runs: data, nextCursor: next };
}

import "server-only";
import { z } from "zod";
import type { AutomationRule } from "@/lib/generated/prisma/client";
import { db, pool } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { parseStoredRule } from "../engine/load-rules";
import type { TAutomationRule } from "../schemas";

/** The last ledger row of a rule: when it last matched something (or failed), and what it did. */
export type TLastRun = {
  startedAt: Date;
  trigger: string;
  matched: number;
  changed: number;
  durationMs: number;
  error: string | null;
};

/** A rule as the pages and the API show it. */
export type TRuleView = TAutomationRule & {
  createdBy: { id: string; name: string; email: string } | null;
  createdAt: Date;
  updatedAt: Date;
  lastRun: TLastRun | null;
  /** Set when the stored conditions or actions no longer parse (a schema change): shown, never run. */
  problem: string | null;
};

type TRow = AutomationRule & { createdBy: { id: string; name: string; email: string } | null };

const INCLUDE = { createdBy: { select: { id: true, name: true, email: true } } } as const;

/** The stored row through the same schemas the form and the API use (defaults added since fill in). */
export function toRuleView(row: TRow, lastRun: TLastRun | null = null): TRuleView {
  const { rule, problem } = parseStoredRule(row);
  return {
    ...rule,
    createdBy: row.createdBy ? { ...row.createdBy, name: row.createdBy.name || row.createdBy.email } : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    lastRun,
    problem,
  };
}

type TLastRunRow = {
  rule_id: string;
  started_at: Date;
  trigger: string;
  matched: number;
  changed: number;
  duration_ms: number;
  error: string | null;
};

async function lastRuns(orgId: string, ruleIds: string[]): Promise<Map<string, TLastRun>> {
  if (!ruleIds.length) return new Map();
  // One index probe per rule (rule_id, started_at), not a scan of the whole ledger.
  const { rows } = await pool.query<TLastRunRow>(
    `SELECT r.id AS rule_id, l.started_at, l.trigger::text AS trigger, l.matched, l.changed, l.duration_ms, l.error
       FROM unnest($2::uuid[]) AS r(id)
       JOIN LATERAL (
         SELECT * FROM automation_rule_runs x
          WHERE x.rule_id = r.id AND x.org_id = $1
          ORDER BY x.started_at DESC LIMIT 1
       ) l ON true`,
    [orgId, ruleIds],
  );
  return new Map(
    rows.map((r) => [
      r.rule_id,
      {
        startedAt: r.started_at,
        trigger: r.trigger,
        matched: r.matched,
        changed: r.changed,
        durationMs: r.duration_ms,
        error: r.error,
      },
    ]),
  );
}

/** One list in the order the engine runs it: the org's (teamId null) or a team's. */
export async function listRules(orgId: string, teamId: string | null): Promise<TRuleView[]> {
  const rows = await db.automationRule.findMany({
    where: { orgId, teamId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    include: INCLUDE,
  });
  const runs = await lastRuns(
    orgId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toRuleView(r, runs.get(r.id) ?? null));
}

/** One rule of the org, wherever it lives; another org's (or no uuid at all) is not_found. */
export async function getRule(orgId: string, id: string): Promise<TRuleView> {
  if (!z.uuid().safeParse(id).success) throw notFound("Rule not found.");
  const row = await db.automationRule.findFirst({ where: { id, orgId }, include: INCLUDE });
  if (!row) throw notFound("Rule not found.");
  const runs = await lastRuns(orgId, [row.id]);
  return toRuleView(row, runs.get(row.id) ?? null);
}

/** The org's rule lists: the org's own and every team's that has rules, with the team's slug. */
export async function listAllRules(orgId: string): Promise<{ org: TRuleView[]; teams: Map<string, TRuleView[]> }> {
  const rows = await db.automationRule.findMany({
    where: { orgId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    include: INCLUDE,
  });
  const org: TRuleView[] = [];
  const teams = new Map<string, TRuleView[]>();
  for (const row of rows) {
    const view = toRuleView(row);
    if (!row.teamId) org.push(view);
    else teams.set(row.teamId, [...(teams.get(row.teamId) ?? []), view]);
  }
  return { org, teams };
}

import "server-only";
import type pg from "pg";
import type { TAutomationRule } from "../schemas";
import { levelOf } from "../schemas";
import { floorStatement, loadPagingBaseline } from "./baseline-floor";
import { CANDIDATES, fillCandidates, type TNeededColumns, type TReportRef } from "./candidates-table";
import { canMatchReport, type TCompileContext } from "./compile-conditions";
import { compileRule, type TRuleCompileOptions } from "./compile-rule";
import { DISPATCH_ACTIONS, writeDispatches, writeLedger } from "./ledger";
import { readChanges } from "./read-result";
import { planStaticMatches, type TStaticPlan } from "./static-matches";
import { loadRunContext } from "./run-context";
import type { TCandidates, TRuleRun, TRuleStat, TRunOptions, TRunResult } from "./types";
import { CHANGES, writeChanges } from "./write-changes";

// The engine (README.md next to this file): the org's rules over a set of open findings, in SQL,
// inside the caller's transaction. One statement per rule over a temp table of candidates, then
// one UPDATE of findings and one INSERT of events for everything that changed.

const emptyResult = (rules: readonly TAutomationRule[], candidates = 0): TRunResult => ({
  candidates,
  changedFindings: 0,
  changedIds: [],
  changes: [],
  rules: rules.map((r) => ({ ruleId: r.id, matched: 0, changed: 0, durationMs: 0 })),
  sample: [],
});

/** Assignees no longer in the org and teams gone from it: those actions are skipped with an error. */
async function unusableTargets(client: pg.ClientBase, orgId: string, rules: readonly TAutomationRule[]) {
  const users = [...new Set(rules.flatMap((r) => (r.actions.assign ? [r.actions.assign.userId] : [])))];
  const teams = [...new Set(rules.flatMap((r) => (r.actions.team && !r.teamId ? [r.actions.team.teamId] : [])))];
  const members = new Set<string>();
  const existing = new Set<string>();
  if (users.length) {
    const { rows } = await client.query<{ id: string }>(
      `SELECT user_id AS id FROM memberships WHERE org_id = $1::uuid AND user_id = ANY($2::uuid[])`,
      [orgId, users],
    );
    for (const r of rows) members.add(r.id);
  }
  if (teams.length) {
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM teams WHERE org_id = $1::uuid AND id = ANY($2::uuid[])`,
      [orgId, teams],
    );
    for (const r of rows) existing.add(r.id);
  }
  return { users: users.filter((u) => !members.has(u)), teams: teams.filter((t) => !existing.has(t)) };
}

async function inSavepoint<T>(client: pg.ClientBase, name: string, fn: () => Promise<T>): Promise<T> {
  await client.query(`SAVEPOINT ${name}`);
  try {
    const value = await fn();
    await client.query(`RELEASE SAVEPOINT ${name}`);
    return value;
  } catch (err) {
    await client.query(`ROLLBACK TO SAVEPOINT ${name}`);
    await client.query(`RELEASE SAVEPOINT ${name}`);
    throw err;
  }
}

/** Runs each rule's statement in order under its own savepoint; a failing rule is recorded and skipped. */
async function runPipeline(
  client: pg.ClientBase,
  run: TRuleRun,
  rules: readonly TAutomationRule[],
  clusters: TCompileContext["clusters"],
  inClusters: readonly string[],
  statics: { plan: TStaticPlan; counts: readonly number[] } | null,
): Promise<TRuleStat[]> {
  const unusable = await unusableTargets(client, run.orgId, rules);
  const context = (): TCompileContext => ({ params: [], orgId: run.orgId, now: run.now, clusters, inClusters });
  const needsFloor = rules.some((r) => r.teamId !== null && r.actions.severity);
  let floor = false;
  const stats: TRuleStat[] = [];
  for (const rule of rules) {
    if (needsFloor && !floor && rule.teamId !== null) {
      // The severity before team rules decides which baseline rules page: computed once, here.
      const statement = floorStatement(await loadPagingBaseline(client, run.orgId), context());
      if (statement) await client.query(statement.text, statement.values);
      floor = true;
    }
    const slot = statics?.plan.slots.get(rule.id);
    if (slot !== undefined && !statics!.counts[slot - 1]) {
      // Its static conditions hold for no candidate: running it would match nothing.
      stats.push({ ruleId: rule.id, matched: 0, changed: 0, durationMs: 0 });
      continue;
    }
    const options: TRuleCompileOptions = {
      slot,
      skipAssign: rule.actions.assign ? unusable.users.includes(rule.actions.assign.userId) : false,
      skipTeam: rule.actions.team && !rule.teamId ? unusable.teams.includes(rule.actions.team.teamId) : false,
      floor,
    };
    const started = performance.now();
    const stat: TRuleStat = { ruleId: rule.id, matched: 0, changed: 0, durationMs: 0 };
    try {
      const statement = compileRule(rule, context(), options);
      const result = await inSavepoint(client, "automation_rule", () => client.query(statement.text, statement.values));
      stat.matched = result.rowCount ?? 0;
      if (options.skipAssign) stat.error = "The assignee is no longer a member of the organization; not assigned.";
      if (options.skipTeam) stat.error = "The team no longer exists; not moved.";
    } catch (err) {
      stat.error = (err as Error).message;
      console.error(`[automation] rule ${rule.id} (${rule.name}) failed: ${stat.error}`);
    }
    stat.durationMs = Math.round(performance.now() - started);
    stats.push(stat);
  }
  return stats;
}

/**
 * Fills the candidates with every rule's static match (one pass); should that statement fail
 * (one rule's condition erring), fills them plainly and each rule evaluates all its conditions
 * under its own savepoint, so only the failing rule is skipped.
 */
async function fill(
  client: pg.ClientBase,
  run: TRuleRun,
  candidates: TCandidates,
  report: TReportRef | null,
  rules: readonly TAutomationRule[],
  clusters: TCompileContext["clusters"],
  needed: TNeededColumns,
) {
  const plan = planStaticMatches(rules);
  if (plan.slots.size > 0) {
    try {
      const filled = await inSavepoint(client, "automation_fill", () =>
        fillCandidates(client, run.orgId, candidates, report, { packages: false, title: false }, (params, inClusters) =>
          plan.sql({ params, orgId: run.orgId, now: run.now, clusters, inClusters }),
        ),
      );
      if (filled.count === 0) return { ...filled, statics: null };
      const { rows } = await client.query<{ counts: number[] }>(
        `SELECT ARRAY[${[...plan.slots.values()].map((k) => `count(*) FILTER (WHERE c.sm[${k}])::int`).join(", ")}] AS counts
           FROM ${CANDIDATES} c`,
      );
      return { ...filled, statics: { plan, counts: rows[0]!.counts } };
    } catch (err) {
      console.error(
        `[automation] evaluating the rules in one pass failed, one by one instead: ${(err as Error).message}`,
      );
    }
  }
  return { ...(await fillCandidates(client, run.orgId, candidates, report, needed)), statics: null };
}

/**
 * Runs the org's active rules (or `options.rules`) over the open findings of `candidates`, inside
 * the caller's transaction (it uses savepoints and temp tables dropped at commit). Changes are
 * written with their events and marks; the ledger gets a row per rule that matched or failed.
 * With `dryRun` the same work happens inside a savepoint that is rolled back: nothing is written.
 * With no rules and no rule-marked finding in the org, this is one query.
 */
export async function runRules(
  client: pg.ClientBase,
  run: TRuleRun,
  candidates: TCandidates,
  options: TRunOptions = {},
): Promise<TRunResult> {
  const startedAt = new Date();
  if (candidates.kind === "ids" && candidates.ids.length === 0) return emptyResult(options.rules ?? []);
  const ctx = await loadRunContext(client, run, candidates, options.rules);
  if (candidates.kind === "report" && !ctx.report) return emptyResult(ctx.rules);
  const report = ctx.report;
  // Rules that cannot match this report's source or cluster are not run (for its findings that
  // is the same as not matching: what they set is undone).
  const clusterSlug = report ? (ctx.clusters.find((c) => c.id === report.clusterId)?.slug ?? null) : null;
  const rules = report
    ? ctx.rules.filter((r) => canMatchReport(r.conditions, { source: report.source, clusterSlug }))
    : ctx.rules;
  if (rules.length === 0 && !ctx.marked) return emptyResult(ctx.rules);

  const dryRun = options.dryRun === true;
  if (dryRun) await client.query("SAVEPOINT automation_dry_run");
  let finished = false;
  let jit: string | null = null;
  try {
    // JIT compiling these wide statements costs seconds and saves nothing on a temp table: off
    // for the run (restored after it, since this is the caller's transaction).
    const { rows } = await client.query<{ jit: string }>(
      `SELECT current_setting('jit') AS jit, set_config('jit', 'off', true) AS off`,
    );
    jit = rows[0]?.jit ?? null;
    const uses = (fields: readonly string[]) => rules.some((r) => r.conditions.some((c) => fields.includes(c.field)));
    const { count, clusterIds, statics } = await fill(client, run, candidates, report, rules, ctx.clusters, {
      packages: uses(["package", "fix_available"]),
      title: uses(["title"]),
    });
    if (count === 0) {
      finished = true;
      return emptyResult(ctx.rules);
    }
    const stats = await runPipeline(client, run, rules, ctx.clusters, clusterIds, statics);
    const dispatchPairs = rules.flatMap((r) =>
      DISPATCH_ACTIONS.filter((a) => r.actions[a] !== undefined).map((action) => ({ ruleId: r.id, action })),
    );
    await writeChanges(client, {
      orgId: run.orgId,
      now: run.now,
      reportId: run.reportId ?? null,
      dispatchRuleIds: [...new Set(dispatchPairs.map((p) => p.ruleId))],
      ruleJson: Object.fromEntries(rules.map((r) => [r.id, { id: r.id, name: r.name, level: levelOf(r) }])),
    });
    if (!dryRun) await writeDispatches(client, run.orgId, run.now, dispatchPairs);
    const summary = await readChanges(client, options.sampleSize ?? 0);
    for (const stat of stats) stat.changed = summary.changedByRule.get(stat.ruleId) ?? 0;
    if (!dryRun) await writeLedger(client, run, startedAt, stats);
    // Rules skipped for this report are listed too, having matched nothing.
    const byId = new Map(stats.map((s) => [s.ruleId, s]));
    finished = true;
    return {
      candidates: count,
      changedFindings: summary.changedIds.length,
      changedIds: summary.changedIds,
      changes: summary.changes,
      rules: ctx.rules.map((r) => byId.get(r.id) ?? { ruleId: r.id, matched: 0, changed: 0, durationMs: 0 }),
      sample: summary.sample,
    };
  } finally {
    if (dryRun) {
      // Also recovers the caller's transaction when the run failed halfway.
      await client.query("ROLLBACK TO SAVEPOINT automation_dry_run");
      await client.query("RELEASE SAVEPOINT automation_dry_run");
    } else if (finished) {
      // After a failure the caller's transaction is aborted; its rollback drops them.
      await client.query(`DROP TABLE IF EXISTS pg_temp.${CANDIDATES}, pg_temp.${CHANGES}`);
    }
    if (jit !== null && (dryRun || finished)) await client.query(`SELECT set_config('jit', $1, true)`, [jit]);
  }
}

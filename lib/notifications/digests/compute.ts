import "server-only";
import { appBaseUrl } from "@/lib/alerting/engine/context";
import { budgetProgress } from "@/lib/cost/budgets/progress";
import { changeOf } from "@/lib/cost/figures";
import { addDays, eachDay, monthStart } from "@/lib/cost/range";
import { DEFAULT_FILTERS, toFindingSearchParams } from "@/lib/domain/finding-filters";
import { budgetsWithSpend, costByDay, costMovers, type TBudgetRow } from "./cost-figures";
import type { TDigestSql, TFigureScope } from "./figure-scope";
import { findingFlows, openCounts, topChecks } from "./finding-figures";
import { loadDigestContext, staleClustersWithTeams, type TDigestContext } from "./org-figures";
import { costDays, periodLabel, previousFrom, type TDigestWindow } from "./period";
import {
  DIGEST_SEVERITIES,
  totalOf,
  zeroCounts,
  type TDigest,
  type TDigestBudget,
  type TDigestFindings,
  type TDigestSeverity,
} from "./types";

// Digests of every due audience of one org, for one period: each figure is ONE statement for all
// of them (grouped by owning team, plus org-wide when the org's digest is due), then each
// audience's digest is cut from the rows in memory. Never a statement per team or per finding.

/** A team's digest, or with null the org's (every team, and what no team owns). */
export type TDigestAudience = { teamId: string | null };

export type TDigestOptions = {
  /** The clock for stale clusters and `generatedAt` (tests move it). */
  now?: Date;
  /** Absolute links start with it; appBaseUrl() by default. */
  baseUrl?: string;
};

const BUDGETS_LIMIT = 10;

type TFigures = Awaited<ReturnType<typeof readFigures>>;

async function readFigures(sql: TDigestSql, scope: TFigureScope, window: TDigestWindow, now: Date) {
  const days = costDays(window);
  const periods = { previousFrom: previousFrom(window), from: window.from, to: window.to };
  // One after the other: the job passes its transaction's client, which runs one at a time.
  const flows = await findingFlows(sql, scope, periods);
  const open = await openCounts(sql, scope);
  const top = await topChecks(sql, scope);
  const cost = await costByDay(sql, scope, days);
  const movers = await costMovers(sql, scope, days);
  const budgets = await budgetsWithSpend(sql, scope, { from: monthStart(days.to), asOf: days.to });
  const stale = await staleClustersWithTeams(sql, scope.orgId, now);
  return { days, flows, open, top, cost, movers, budgets, stale };
}

/** Whether a row grouped by owning team belongs to the audience (the org's takes every row). */
const belongsTo = (teamId: string | null) => (row: { team_id: string | null }) =>
  teamId === null || row.team_id === teamId;

/** Whether a ranked row (per team, or org-wide) is the audience's ranking. */
const rankedFor = (teamId: string | null) => (row: { team_id: string | null; org_wide: boolean }) =>
  teamId === null ? row.org_wide : !row.org_wide && row.team_id === teamId;

const isSeverity = (s: string): s is TDigestSeverity => (DIGEST_SEVERITIES as readonly string[]).includes(s);

function findingsOf(f: TFigures, teamId: string | null): TDigestFindings {
  const out: TDigestFindings = {
    new: zeroCounts(),
    fixed: zeroCounts(),
    open: zeroCounts(),
    previous: { new: zeroCounts(), fixed: zeroCounts(), open: zeroCounts() },
  };
  const inflow = zeroCounts();
  for (const r of f.flows.filter(belongsTo(teamId))) {
    if (!isSeverity(r.severity)) continue;
    out.new[r.severity] += r.new;
    out.fixed[r.severity] += r.fixed;
    out.previous.new[r.severity] += r.previous_new;
    out.previous.fixed[r.severity] += r.previous_fixed;
    inflow[r.severity] += r.inflow;
  }
  for (const r of f.open.filter(belongsTo(teamId))) if (isSeverity(r.severity)) out.open[r.severity] += r.n;
  // Triage of findings that were not open (fixing a snoozed one) can make the estimate dip below 0.
  for (const s of DIGEST_SEVERITIES) out.previous.open[s] = Math.max(0, out.open[s] - inflow[s]);
  return out;
}

function costOf(f: TFigures, teamId: string | null, currency: string, link: string): TDigest["cost"] {
  const byDay = new Map<string, number>();
  for (const r of f.cost.filter(belongsTo(teamId))) {
    byDay.set(r.day, (byDay.get(r.day) ?? 0) + r.cost);
  }
  const days = eachDay({ from: f.days.from, to: f.days.to });
  const daily = days.map((day) => ({
    day,
    cost: byDay.get(day) ?? 0,
    previousCost: byDay.get(addDays(day, -days.length)) ?? 0,
  }));
  const total = daily.reduce((s, d) => s + d.cost, 0);
  const previous = daily.reduce((s, d) => s + d.previousCost, 0);
  return {
    currency,
    days: f.days,
    total,
    previous,
    change: changeOf(total, previous),
    movers: f.movers.filter(rankedFor(teamId)).map((m) => ({
      cluster: { slug: m.cluster_slug, name: m.cluster_name },
      namespace: m.namespace,
      cost: m.cost,
      previous: m.previous,
      delta: m.cost - m.previous,
    })),
    daily,
    link,
  };
}

function budgetOf(b: TBudgetRow, spend: Map<string, Map<string, number>>, asOf: string): TDigestBudget {
  const progress = budgetProgress(b.monthly_amount, b.thresholds, spend.get(b.id) ?? new Map(), asOf);
  return {
    name: b.name,
    scope: b.scope,
    team: b.team_slug && b.team_name ? { slug: b.team_slug, name: b.team_name } : null,
    monthlyAmount: b.monthly_amount,
    monthToDate: progress.month.monthToDate,
    forecast: progress.month.forecast,
    ratio: progress.actualRatio,
    crossed: progress.thresholds.filter((t) => t.crossed).map((t) => t.key),
  };
}

function digestOf(
  ctx: TDigestContext,
  f: TFigures,
  teamId: string | null,
  window: TDigestWindow,
  now: Date,
  base: string,
): TDigest | null {
  const team = teamId ? ctx.teams.get(teamId) : null;
  if (team === undefined) return null; // a team deleted meanwhile
  const org = `${base}/o/${ctx.slug}`;
  const teamFilter = team ? [team.slug] : [];
  const findingsLink = (change: Partial<typeof DEFAULT_FILTERS>) => {
    const query = toFindingSearchParams({ ...DEFAULT_FILTERS, team: teamFilter, ...change }).toString();
    return `${org}/findings${query ? `?${query}` : ""}`;
  };
  const links = {
    findings: findingsLink({}),
    cost: team ? `${org}/cost/teams/${team.slug}` : `${org}/cost`,
    budgets: `${org}/cost/budgets`,
    clusters: `${org}/clusters`,
    home: team ? `${org}/teams/${team.slug}` : org,
  };
  const findings = findingsOf(f, teamId);
  const cost = costOf(f, teamId, ctx.currency, links.cost);
  const budgets = f.budgets.budgets
    .filter((b) => teamId === null || b.team_id === teamId)
    .map((b) => budgetOf(b, f.budgets.spend, f.days.to))
    .sort((a, b) => b.ratio - a.ratio || a.name.localeCompare(b.name));
  const staleClusters = f.stale
    .filter((c) => teamId === null || c.team_ids.includes(teamId))
    .map((c) => ({
      slug: c.slug,
      name: c.name,
      lastReportAt: new Date(c.last_report_at).toISOString(),
      hoursSilent: Math.floor((now.getTime() - new Date(c.last_report_at).getTime()) / 3_600_000),
    }));
  const timeZone = team?.timeZone ?? "UTC";
  return {
    kind: window.kind,
    org: { slug: ctx.slug, name: ctx.name },
    team: team ? { slug: team.slug, name: team.name } : null,
    period: {
      from: window.from.toISOString(),
      to: window.to.toISOString(),
      previousFrom: previousFrom(window).toISOString(),
      timeZone,
      label: periodLabel(window.kind, window.from, timeZone),
    },
    findings,
    topToFix: f.top.filter(rankedFor(teamId)).map((t) => ({
      title: t.title,
      source: t.source,
      check: t.check_id,
      severity: isSeverity(t.severity) ? t.severity : "none",
      urgent: t.urgent,
      findings: t.findings,
      resources: t.resources,
      link: findingsLink({ source: [t.source], check: [t.check_id] }),
    })),
    cost,
    budgets: budgets.slice(0, BUDGETS_LIMIT),
    moreBudgets: Math.max(0, budgets.length - BUDGETS_LIMIT),
    staleClusters,
    links,
    empty:
      totalOf(findings.new) === 0 &&
      totalOf(findings.fixed) === 0 &&
      findings.open.critical + findings.open.high === 0 &&
      Math.abs(cost.total - cost.previous) < 0.005 &&
      staleClusters.length === 0,
    generatedAt: now.toISOString(),
  };
}

/**
 * The digests of `audiences` (teams of the org, and null for the org's own) for one period,
 * keyed by team id (null: the org's). An audience whose team no longer exists is left out.
 */
export async function computeDigests(
  sql: TDigestSql,
  orgId: string,
  audiences: readonly TDigestAudience[],
  window: TDigestWindow,
  options: TDigestOptions = {},
): Promise<Map<string | null, TDigest>> {
  const out = new Map<string | null, TDigest>();
  if (!audiences.length) return out;
  const now = options.now ?? new Date();
  const teamIds = [...new Set(audiences.flatMap((a) => (a.teamId ? [a.teamId] : [])))];
  const scope: TFigureScope = { orgId, teamIds, org: audiences.some((a) => a.teamId === null) };
  const ctx = await loadDigestContext(sql, scope);
  if (!ctx) return out;
  const figures = await readFigures(sql, scope, window, now);
  const base = (options.baseUrl ?? appBaseUrl()).replace(/\/+$/, "");
  for (const { teamId } of audiences) {
    if (out.has(teamId)) continue;
    const digest = digestOf(ctx, figures, teamId, window, now, base);
    if (digest) out.set(teamId, digest);
  }
  return out;
}

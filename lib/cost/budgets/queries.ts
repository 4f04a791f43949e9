import "server-only";
import { pool } from "@/lib/server/db";
import { monthStart } from "../range";
import { costScopeSql, type TCostScope } from "../scope";
import { budgetProgress, type TBudgetProgress } from "./progress";
import type { TBudgetScope, TBudgetThreshold } from "./schemas";
import { budgetDailySpend } from "./spend";

export type TBudgetView = {
  id: string;
  name: string;
  scope: TBudgetScope;
  team: { id: string; slug: string; name: string } | null;
  value: string;
  labelKey: string;
  monthlyAmount: number;
  thresholds: TBudgetThreshold[];
  progress: TBudgetProgress;
  /** Thresholds raised this month ("actual:80"…), with when. */
  alerts: { threshold: string; amount: number; raisedAt: Date }[];
  createdAt: Date;
  updatedAt: Date;
};

type TRow = {
  id: string;
  name: string;
  scope: TBudgetScope;
  team_id: string | null;
  team_slug: string | null;
  team_name: string | null;
  value: string;
  label_key: string;
  monthly_amount: number;
  thresholds: TBudgetThreshold[];
  created_at: Date;
  updated_at: Date;
};

/**
 * The budgets the scope may read (a team's budgets with the team; org-wide label budgets for
 * org-wide scopes only), optionally one team's, with their progress in the month of `asOf`
 * (YYYY-MM-DD, UTC; today by default) and the alerts raised this month.
 */
export async function listBudgets(
  scope: TCostScope,
  options: { teamId?: string | null; asOf?: string } = {},
): Promise<TBudgetView[]> {
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  const params: unknown[] = [];
  // Budgets carry team_id where cost rows carry owner_team_id; org-wide ones count as team-less.
  const where = costScopeSql(scope, "b", params).replaceAll("b.owner_team_id", "b.team_id");
  let teamFilter = "";
  if (options.teamId === null) teamFilter = " AND b.team_id IS NULL";
  else if (options.teamId) {
    params.push(options.teamId);
    teamFilter = ` AND b.team_id = $${params.length}::uuid`;
  }
  const { rows } = await pool.query<TRow>(
    `SELECT b.id, b.name, b.scope, b.team_id, t.slug AS team_slug, t.name AS team_name, b.value, b.label_key,
            b.monthly_amount, b.thresholds, b.created_at, b.updated_at
       FROM cost_budgets b LEFT JOIN teams t ON t.id = b.team_id
      WHERE ${where}${teamFilter}
      ORDER BY t.name NULLS FIRST, b.name`,
    params,
  );
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const month = monthStart(asOf);
  const [spend, alerts] = await Promise.all([
    budgetDailySpend(pool, scope.orgId, ids, month, asOf),
    pool.query<{ budget_id: string; threshold: string; amount: number; raised_at: Date }>(
      `SELECT budget_id, threshold, amount, raised_at FROM cost_budget_alerts
        WHERE org_id = $1 AND budget_id = ANY($2::uuid[]) AND period = $3::date ORDER BY raised_at`,
      [scope.orgId, ids, month],
    ),
  ]);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    scope: r.scope,
    team: r.team_id && r.team_slug && r.team_name ? { id: r.team_id, slug: r.team_slug, name: r.team_name } : null,
    value: r.value,
    labelKey: r.label_key,
    monthlyAmount: r.monthly_amount,
    thresholds: r.thresholds,
    progress: budgetProgress(r.monthly_amount, r.thresholds, spend.get(r.id) ?? new Map(), asOf),
    alerts: alerts.rows
      .filter((a) => a.budget_id === r.id)
      .map((a) => ({ threshold: a.threshold, amount: a.amount, raisedAt: a.raised_at })),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export type TBudgetAlertView = {
  id: string;
  budget: { id: string; name: string };
  team: { id: string; slug: string; name: string } | null;
  period: string;
  threshold: string;
  amount: number;
  monthlyAmount: number;
  raisedAt: Date;
};

/** Budget alerts raised for the budgets the scope may read, newest first (the in-app alert list). */
export async function listBudgetAlerts(scope: TCostScope, limit = 50): Promise<TBudgetAlertView[]> {
  const params: unknown[] = [];
  const where = costScopeSql(scope, "b", params).replaceAll("b.owner_team_id", "b.team_id");
  params.push(limit);
  const { rows } = await pool.query<{
    id: string;
    budget_id: string;
    budget_name: string;
    team_id: string | null;
    team_slug: string | null;
    team_name: string | null;
    period: string;
    threshold: string;
    amount: number;
    monthly_amount: number;
    raised_at: Date;
  }>(
    `SELECT a.id, b.id AS budget_id, b.name AS budget_name, b.team_id, t.slug AS team_slug, t.name AS team_name,
            to_char(a.period, 'YYYY-MM-DD') AS period, a.threshold, a.amount, b.monthly_amount, a.raised_at
       FROM cost_budget_alerts a JOIN cost_budgets b ON b.id = a.budget_id LEFT JOIN teams t ON t.id = b.team_id
      WHERE ${where} ORDER BY a.raised_at DESC, a.id LIMIT $${params.length}`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    budget: { id: r.budget_id, name: r.budget_name },
    team: r.team_id && r.team_slug && r.team_name ? { id: r.team_id, slug: r.team_slug, name: r.team_name } : null,
    period: r.period,
    threshold: r.threshold,
    amount: r.amount,
    monthlyAmount: r.monthly_amount,
    raisedAt: r.raised_at,
  }));
}

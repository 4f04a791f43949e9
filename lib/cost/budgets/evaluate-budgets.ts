import "server-only";
import type { PoolClient } from "pg";
import { pool } from "@/lib/server/db";
import { monthEnd, monthStart } from "../range";
import { notifyBudgetAlert } from "./notify-budget-alert";
import { budgetProgress } from "./progress";
import type { TBudgetThreshold } from "./schemas";
import { budgetDailySpend } from "./spend";
import { inTransaction } from "@/lib/server/sql";

type TBudgetRow = {
  id: string;
  name: string;
  team_id: string | null;
  monthly_amount: number;
  thresholds: TBudgetThreshold[];
};

/**
 * Checks every budget of the org against the months of the given days (up to the month of
 * `now`) and raises each crossed threshold once per month: the (budget, month, threshold) row is
 * inserted with ON CONFLICT DO NOTHING, and only a row actually inserted is handed to the
 * outbox. Returns how many alerts were raised.
 */
export async function evaluateBudgetsForDays(
  client: PoolClient,
  orgId: string,
  days: readonly string[],
  now: Date,
): Promise<number> {
  const budgets = await client.query<TBudgetRow>(
    `SELECT id, name, team_id, monthly_amount, thresholds FROM cost_budgets WHERE org_id = $1`,
    [orgId],
  );
  if (budgets.rows.length === 0 || days.length === 0) return 0;
  const today = now.toISOString().slice(0, 10);
  const months = [...new Set(days.map(monthStart))].filter((m) => m <= today).sort();
  let raised = 0;
  for (const month of months) {
    const asOf = monthEnd(month) < today ? monthEnd(month) : today;
    const spend = await budgetDailySpend(client, orgId, null, month, asOf);
    const crossed: { budget: TBudgetRow; key: string; amount: number }[] = [];
    for (const b of budgets.rows) {
      const progress = budgetProgress(b.monthly_amount, b.thresholds, spend.get(b.id) ?? new Map(), asOf);
      for (const t of progress.thresholds) {
        if (!t.crossed) continue;
        const value = t.basis === "actual" ? progress.month.monthToDate : (progress.month.forecast ?? 0);
        crossed.push({ budget: b, key: t.key, amount: value });
      }
    }
    if (crossed.length === 0) continue;
    const inserted = await client.query<{ id: string; budget_id: string; threshold: string; amount: number }>(
      `INSERT INTO cost_budget_alerts (org_id, budget_id, period, threshold, amount, raised_at)
       SELECT $1, u.budget_id, $2::date, u.threshold, u.amount, $6
         FROM unnest($3::uuid[], $4::text[], $5::float8[]) AS u(budget_id, threshold, amount)
       ON CONFLICT (budget_id, period, threshold) DO NOTHING
       RETURNING id, budget_id, threshold, amount`,
      [orgId, month, crossed.map((c) => c.budget.id), crossed.map((c) => c.key), crossed.map((c) => c.amount), now],
    );
    const byId = new Map(budgets.rows.map((b) => [b.id, b]));
    for (const row of inserted.rows) {
      const b = byId.get(row.budget_id);
      if (!b) continue;
      await notifyBudgetAlert(client, {
        id: row.id,
        orgId,
        budgetId: b.id,
        budgetName: b.name,
        teamId: b.team_id,
        period: month,
        threshold: row.threshold,
        amount: row.amount,
        monthlyAmount: b.monthly_amount,
      });
    }
    raised += inserted.rows.length;
  }
  return raised;
}

/**
 * Checks the org's budgets for the current month in a transaction of its own: after a budget is
 * created or changed (it may already be past a threshold), and by anything that runs daily.
 */
export async function evaluateOrgBudgets(orgId: string, now: Date = new Date()): Promise<number> {
  return inTransaction(pool, (client) => evaluateBudgetsForDays(client, orgId, [now.toISOString().slice(0, 10)], now));
}

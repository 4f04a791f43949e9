import "server-only";
import type { PoolClient } from "pg";
import { raiseAlert } from "@/lib/alerting/raise-alert";

export type TBudgetAlert = {
  id: string;
  orgId: string;
  budgetId: string;
  budgetName: string;
  teamId: string | null;
  /** First day of the month. */
  period: string;
  /** "actual:80", "forecast:100"… */
  threshold: string;
  amount: number;
  monthlyAmount: number;
};

/**
 * Hands a newly raised budget alert to the alerting outbox (lib/alerting raiseAlert, routed by
 * the rules of kind "budget"; severity warning, which PagerDuty treats as low urgency). The
 * in-app alert is the cost_budget_alerts row written just before, in the same transaction, so
 * both commit together. One incident per budget and month: a later threshold of the same month
 * updates it rather than opening another.
 */
export async function notifyBudgetAlert(client: PoolClient, alert: TBudgetAlert): Promise<void> {
  const [basis, percent] = alert.threshold.split(":");
  const month = alert.period.slice(0, 7);
  const what = basis === "forecast" ? "forecast to reach" : "has spent";
  await raiseAlert(client, {
    orgId: alert.orgId,
    teamId: alert.teamId,
    key: `budget:${alert.budgetId}:${month}`,
    severity: "warning",
    summary: `Budget "${alert.budgetName}" ${what} ${percent}% of ${alert.monthlyAmount.toFixed(2)} in ${month} (${alert.amount.toFixed(2)})`,
    details: {
      budgetId: alert.budgetId,
      budget: alert.budgetName,
      month,
      threshold: alert.threshold,
      amount: Number(alert.amount.toFixed(2)),
      monthlyAmount: alert.monthlyAmount,
    },
  });
}

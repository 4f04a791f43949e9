import "server-only";
import type { PoolClient } from "pg";

export type TBudgetAlert = {
  id: string;
  orgId: string;
  budgetId: string;
  budgetName: string;
  teamId: string | null;
  /** First day of the month. */
  period: string;
  threshold: string;
  amount: number;
  monthlyAmount: number;
};

/**
 * Hands a newly raised budget alert to the alerting outbox (PagerDuty routing, low urgency by
 * default). The in-app alert is the cost_budget_alerts row, written before this is called in the
 * same transaction; this is the one place the outbox call belongs. lib/alerting (raiseAlert) is
 * not in the tree yet, so for now nothing leaves the app: the alert is shown in-app only.
 */
export async function notifyBudgetAlert(client: PoolClient, alert: TBudgetAlert): Promise<void> {
  void client;
  void alert;
}

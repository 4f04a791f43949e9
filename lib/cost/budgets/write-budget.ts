import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { evaluateOrgBudgets } from "./evaluate-budgets";
import type { TBudget } from "./schemas";

// What creating, changing and deleting a budget share: the columns an input sets, what the audit
// log records of a budget, and the evaluation after a save.

/** The columns an input sets: a team budget has no value, and only a label budget a label key. */
export function budgetColumns(data: TBudget) {
  return {
    name: data.name,
    scope: data.scope,
    teamId: data.teamId,
    value: data.scope === "team" ? "" : data.value,
    labelKey: data.scope === "label" ? data.labelKey : "",
    monthlyAmount: data.monthlyAmount,
    thresholds: data.thresholds,
  };
}

type TBudgetRow = { scope: string; teamId: string | null; value: string; labelKey: string; monthlyAmount: number };

/** A budget in its audit rows: what it covers and its amount. */
export function budgetAudit(budget: TBudgetRow) {
  const { scope, teamId, value, labelKey, monthlyAmount } = budget;
  return { scope, teamId, value, labelKey, monthlyAmount };
}

/** Runs `write` in a transaction, then evaluates the org's budgets. */
export async function saveBudget<T>(orgId: string, write: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  const saved = await db.$transaction(write);
  // A budget may start out past a threshold: say so now rather than at the next report.
  await evaluateOrgBudgets(orgId);
  return saved;
}

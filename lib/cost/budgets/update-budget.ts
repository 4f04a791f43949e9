import "server-only";
import type { TOrgAccess } from "@/lib/auth/access";
import { actorOf } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/server/db";
import { evaluateOrgBudgets } from "./evaluate-budgets";
import { authorizeBudgetTeam, loadBudget } from "./authorize-budget";
import { ZBudgetInput, type TBudgetInput } from "./schemas";

/**
 * Changes a budget. Alerts already raised this month stay raised (a threshold is announced once
 * per month); a higher amount simply means the next crossing comes later.
 */
export async function updateBudget(access: TOrgAccess, budgetId: string, input: TBudgetInput) {
  const data = ZBudgetInput.parse(input);
  const before = await loadBudget(access.org.id, budgetId);
  await authorizeBudgetTeam(access, before.teamId);
  if (data.teamId !== before.teamId) await authorizeBudgetTeam(access, data.teamId);
  const updated = await db.$transaction(async (tx) => {
    const budget = await tx.costBudget.update({
      where: { id: before.id },
      data: {
        name: data.name,
        scope: data.scope,
        teamId: data.teamId,
        value: data.scope === "team" ? "" : data.value,
        labelKey: data.scope === "label" ? data.labelKey : "",
        monthlyAmount: data.monthlyAmount,
        thresholds: data.thresholds,
        updatedAt: new Date(),
      },
    });
    await recordAudit(tx, {
      orgId: access.org.id,
      actor: actorOf(access),
      action: "budget.updated",
      target: { type: "budget", id: budget.id, label: budget.name },
      before: {
        name: before.name,
        scope: before.scope,
        teamId: before.teamId,
        value: before.value,
        labelKey: before.labelKey,
        monthlyAmount: before.monthlyAmount,
        thresholds: before.thresholds as object,
      },
      after: {
        name: budget.name,
        scope: budget.scope,
        teamId: budget.teamId,
        value: budget.value,
        labelKey: budget.labelKey,
        monthlyAmount: budget.monthlyAmount,
        thresholds: data.thresholds,
      },
    });
    return budget;
  });
  // A budget may start out past a threshold: say so now rather than at the next report.
  await evaluateOrgBudgets(access.org.id);
  return updated;
}

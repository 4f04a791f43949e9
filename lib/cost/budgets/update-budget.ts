import "server-only";
import type { TOrgAccess } from "@/lib/auth/access";
import { actorOf } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { authorizeBudgetTeam, loadBudget } from "./authorize-budget";
import { ZBudgetInput, type TBudgetInput } from "./schemas";
import { budgetAudit, budgetColumns, saveBudget } from "./write-budget";

/**
 * Changes a budget. Alerts already raised this month stay raised (a threshold is announced once
 * per month); a higher amount simply means the next crossing comes later.
 */
export async function updateBudget(access: TOrgAccess, budgetId: string, input: TBudgetInput) {
  const data = ZBudgetInput.parse(input);
  const before = await loadBudget(access.org.id, budgetId);
  await authorizeBudgetTeam(access, before.teamId);
  if (data.teamId !== before.teamId) await authorizeBudgetTeam(access, data.teamId);
  return saveBudget(access.org.id, async (tx) => {
    const budget = await tx.costBudget.update({
      where: { id: before.id },
      data: { ...budgetColumns(data), updatedAt: new Date() },
    });
    await recordAudit(tx, {
      orgId: access.org.id,
      actor: actorOf(access),
      action: "budget.updated",
      target: { type: "budget", id: budget.id, label: budget.name },
      before: { name: before.name, ...budgetAudit(before), thresholds: before.thresholds as object },
      after: { name: budget.name, ...budgetAudit(budget), thresholds: data.thresholds },
    });
    return budget;
  });
}

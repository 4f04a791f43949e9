import "server-only";
import type { TOrgAccess } from "@/lib/auth/access";
import { actorOf } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { authorizeBudgetTeam } from "./authorize-budget";
import { ZBudgetInput, type TBudgetInput } from "./schemas";
import { budgetAudit, budgetColumns, saveBudget } from "./write-budget";

/** Creates a monthly budget (validated with ZBudgetInput; throws ZodError or AppError). */
export async function createBudget(access: TOrgAccess, input: TBudgetInput) {
  const data = ZBudgetInput.parse(input);
  await authorizeBudgetTeam(access, data.teamId);
  return saveBudget(access.org.id, async (tx) => {
    const budget = await tx.costBudget.create({
      data: { orgId: access.org.id, ...budgetColumns(data), createdById: access.user.id },
    });
    await recordAudit(tx, {
      orgId: access.org.id,
      actor: actorOf(access),
      action: "budget.created",
      target: { type: "budget", id: budget.id, label: budget.name },
      after: { ...budgetAudit(budget), thresholds: data.thresholds },
    });
    return budget;
  });
}

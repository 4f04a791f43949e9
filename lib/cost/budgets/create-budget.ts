import "server-only";
import type { TOrgAccess } from "@/lib/auth/access";
import { actorOf } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/server/db";
import { evaluateOrgBudgets } from "./evaluate-budgets";
import { authorizeBudgetTeam } from "./authorize-budget";
import { ZBudgetInput, type TBudgetInput } from "./schemas";

/** Creates a monthly budget (validated with ZBudgetInput; throws ZodError or AppError). */
export async function createBudget(access: TOrgAccess, input: TBudgetInput) {
  const data = ZBudgetInput.parse(input);
  await authorizeBudgetTeam(access, data.teamId);
  const created = await db.$transaction(async (tx) => {
    const budget = await tx.costBudget.create({
      data: {
        orgId: access.org.id,
        name: data.name,
        scope: data.scope,
        teamId: data.teamId,
        value: data.scope === "team" ? "" : data.value,
        labelKey: data.scope === "label" ? data.labelKey : "",
        monthlyAmount: data.monthlyAmount,
        thresholds: data.thresholds,
        createdById: access.user.id,
      },
    });
    await recordAudit(tx, {
      orgId: access.org.id,
      actor: actorOf(access),
      action: "budget.created",
      target: { type: "budget", id: budget.id, label: budget.name },
      after: {
        scope: data.scope,
        teamId: data.teamId,
        value: budget.value,
        labelKey: budget.labelKey,
        monthlyAmount: data.monthlyAmount,
        thresholds: data.thresholds,
      },
    });
    return budget;
  });
  // A budget may start out past a threshold: say so now rather than at the next report.
  await evaluateOrgBudgets(access.org.id);
  return created;
}

import "server-only";
import type { TOrgAccess } from "@/lib/auth/access";
import { actorOf } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/server/db";
import { authorizeBudgetTeam, loadBudget } from "./authorize-budget";
import { budgetAudit } from "./write-budget";

/** Deletes a budget and its alert history. */
export async function deleteBudget(access: TOrgAccess, budgetId: string): Promise<void> {
  const before = await loadBudget(access.org.id, budgetId);
  await authorizeBudgetTeam(access, before.teamId);
  await db.$transaction(async (tx) => {
    await tx.costBudget.delete({ where: { id: before.id } });
    await recordAudit(tx, {
      orgId: access.org.id,
      actor: actorOf(access),
      action: "budget.deleted",
      target: { type: "budget", id: before.id, label: before.name },
      before: budgetAudit(before),
    });
  });
}

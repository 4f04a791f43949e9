import "server-only";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { db } from "@/lib/server/db";
import { loadRuleForUpdate } from "./load-rule";
import { lockRuleLists } from "./write-checks";
import { listOrder, renumber, ruleSnapshot } from "./write-rule";

/**
 * Deletes a rule; the rest of its list closes up. What it changed on findings stays until the
 * next run finds it no longer applies (the engine undoes a change whose rule is gone).
 */
export async function deleteRule(
  orgId: string,
  actor: TAuditEntry["actor"],
  teamId: string | null,
  ruleId: string,
): Promise<{ deleted: true }> {
  await db.$transaction(async (tx) => {
    await lockRuleLists(tx, orgId);
    const before = await loadRuleForUpdate(tx, orgId, teamId, ruleId);
    await tx.automationRule.delete({ where: { id: before.id } });
    await renumber(tx, orgId, await listOrder(tx, orgId, teamId));
    await recordAudit(tx, {
      orgId,
      actor,
      action: "automation_rule.deleted",
      target: { type: "automation_rule", id: before.id, label: before.name },
      before: ruleSnapshot(before),
    });
  });
  return { deleted: true };
}

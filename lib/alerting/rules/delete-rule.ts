import "server-only";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { evaluateOrgAlerts } from "../engine/evaluate";
import { isUuid } from "../parse-input";

/** Deletes a rule of the org baseline (teamId null) or of a team; alerts only it fired resolve. */
export async function deleteRule(orgId: string, actor: TAuditEntry["actor"], teamId: string | null, ruleId: string) {
  if (!isUuid(ruleId)) throw notFound("Rule not found.");
  await db.$transaction(async (tx) => {
    const before = await tx.alertRule.findFirst({ where: { id: ruleId, orgId, teamId } });
    if (!before) throw notFound("Rule not found.");
    await tx.alertRule.delete({ where: { id: ruleId } });
    await recordAudit(tx, {
      orgId,
      actor,
      action: teamId ? "alert_rule.deleted" : "alert_baseline.deleted",
      target: { type: "alert_rule", id: ruleId, label: before.name },
      before: { name: before.name, kind: before.kind, position: before.position },
    });
    await evaluateOrgAlerts(tx, orgId);
  });
  return { deleted: true as const };
}

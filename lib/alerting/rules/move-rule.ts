import "server-only";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { evaluateOrgAlerts } from "../engine/evaluate";
import { isUuid } from "../parse-input";
import { listTeamRules, listBaselineRules, type TRuleView } from "./queries";

/**
 * Moves a rule up or down one place among the rules of its owner and kind. Order decides which
 * rule wins, never the dedup key: open incidents keep their key, so no new page.
 */
export async function moveRule(
  orgId: string,
  actor: TAuditEntry["actor"],
  teamId: string | null,
  ruleId: string,
  direction: "up" | "down",
): Promise<TRuleView[]> {
  if (!isUuid(ruleId)) throw notFound("Rule not found.");
  await db.$transaction(async (tx) => {
    const rule = await tx.alertRule.findFirst({ where: { id: ruleId, orgId, teamId } });
    if (!rule) throw notFound("Rule not found.");
    const siblings = await tx.alertRule.findMany({
      where: { orgId, teamId, kind: rule.kind },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true },
    });
    const ids = siblings.map((s) => s.id);
    const from = ids.indexOf(ruleId);
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    // Renumbered 1..n so positions stay dense whatever happened before.
    for (const [i, id] of ids.entries()) await tx.alertRule.update({ where: { id }, data: { position: i + 1 } });
    await recordAudit(tx, {
      orgId,
      actor,
      action: teamId ? "alert_rule.moved" : "alert_baseline.moved",
      target: { type: "alert_rule", id: ruleId, label: rule.name },
      before: { position: from + 1 },
      after: { position: to + 1 },
    });
    await evaluateOrgAlerts(tx, orgId);
  });
  return teamId ? listTeamRules(orgId, teamId) : listBaselineRules(orgId);
}

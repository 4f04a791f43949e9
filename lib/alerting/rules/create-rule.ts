import "server-only";
import { db } from "@/lib/server/db";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { evaluateOrgAlerts } from "../engine/evaluate";
import { parseInput } from "../parse-input";
import { ZRuleInput, type TRuleInput } from "../schemas";
import { getRule, type TRuleView } from "./queries";
import { assertRuleOwner, assertRuleValid, ruleData } from "./write-rule";

/**
 * Adds a rule at the end of the list: to the org baseline when teamId is null (org admins), else
 * to that team's rules (its team admins). Open alerts are re-evaluated in the same transaction.
 */
export async function createRule(
  orgId: string,
  actor: TAuditEntry["actor"],
  teamId: string | null,
  input: TRuleInput,
): Promise<TRuleView> {
  const rule = parseInput(ZRuleInput, input);
  const id = await db.$transaction(async (tx) => {
    await assertRuleOwner(tx, orgId, teamId);
    await assertRuleValid(tx, orgId, teamId, rule);
    const last = await tx.alertRule.aggregate({ where: { orgId, teamId, kind: rule.kind }, _max: { position: true } });
    const created = await tx.alertRule.create({
      data: { orgId, teamId, position: (last._max.position ?? 0) + 1, ...ruleData(rule) },
    });
    await recordAudit(tx, {
      orgId,
      actor,
      action: teamId ? "alert_rule.created" : "alert_baseline.created",
      target: { type: "alert_rule", id: created.id, label: rule.name },
      after: { teamId, ...ruleData(rule) },
    });
    await evaluateOrgAlerts(tx, orgId);
    return created.id;
  });
  return getRule(orgId, teamId, id);
}

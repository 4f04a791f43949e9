import "server-only";
import { parseInput } from "@/lib/alerting/parse-input";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { db } from "@/lib/server/db";
import { ZAutomationRuleInput, type TAutomationRuleInput } from "../schemas";
import { getRule, type TRuleView } from "./queries";
import { assertListOwner, assertRoomInList, assertRuleAllowed, lockRuleLists } from "./write-checks";
import { listOrder, renumber, ruleColumns, ruleSnapshot } from "./write-rule";

/**
 * Adds a rule to the org's list (teamId null) or a team's: at the end, or at `index` (0-based,
 * clamped to the list). Refusals are 400s naming the field; the audit row commits with the rule.
 */
export async function createRule(
  orgId: string,
  actor: TAuditEntry["actor"],
  teamId: string | null,
  input: TAutomationRuleInput,
  options: { index?: number } = {},
): Promise<TRuleView> {
  const rule = parseInput(ZAutomationRuleInput, input);
  const id = await db.$transaction(async (tx) => {
    await lockRuleLists(tx, orgId);
    await assertListOwner(tx, orgId, teamId);
    await assertRoomInList(tx, orgId, teamId);
    await assertRuleAllowed(tx, orgId, teamId, rule);
    const order = await listOrder(tx, orgId, teamId);
    const created = await tx.automationRule.create({
      data: {
        orgId,
        teamId,
        position: order.length + 1,
        createdById: "userId" in actor ? actor.userId : null,
        ...ruleColumns(rule),
      },
    });
    const index = Math.max(0, Math.min(options.index ?? order.length, order.length));
    if (index < order.length) {
      order.splice(index, 0, created.id);
      await renumber(tx, orgId, order);
    }
    await recordAudit(tx, {
      orgId,
      actor,
      action: "automation_rule.created",
      target: { type: "automation_rule", id: created.id, label: rule.name },
      after: ruleSnapshot({ ...created, position: index + 1 }),
    });
    return created.id;
  });
  return getRule(orgId, id);
}

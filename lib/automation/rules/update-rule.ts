import "server-only";
import { parseInput } from "@/lib/alerting/parse-input";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { db } from "@/lib/server/db";
import { ZAutomationRuleInput, type TAutomationRuleInput } from "../schemas";
import { loadRuleForUpdate } from "./load-rule";
import { getRule, type TRuleView } from "./queries";
import { assertRuleAllowed, lockRuleLists } from "./write-checks";
import { storeRuleUpdate } from "./write-rule";

/**
 * Changes a rule's settings, all of them (the form) or some (PATCH: the fields given replace the
 * stored ones; `conditions` and `actions` are replaced whole). Its place in the list stays.
 */
export async function updateRule(
  orgId: string,
  actor: TAuditEntry["actor"],
  teamId: string | null,
  ruleId: string,
  patch: Partial<TAutomationRuleInput>,
): Promise<TRuleView> {
  await db.$transaction(async (tx) => {
    await lockRuleLists(tx, orgId);
    const before = await loadRuleForUpdate(tx, orgId, teamId, ruleId);
    const merged = {
      name: before.name,
      enabled: before.enabled,
      conditions: before.conditions,
      actions: before.actions,
      stopProcessing: before.stopProcessing,
      expiresAt: before.expiresAt,
      note: before.note,
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
    };
    const rule = parseInput(ZAutomationRuleInput, merged);
    await assertRuleAllowed(tx, orgId, teamId, rule);
    await storeRuleUpdate(tx, orgId, actor, before, rule);
  });
  return getRule(orgId, ruleId);
}

/** Turns a rule on or off (a disabled rule is kept, in place, and runs nowhere). */
export async function setRuleEnabled(
  orgId: string,
  actor: TAuditEntry["actor"],
  teamId: string | null,
  ruleId: string,
  enabled: boolean,
): Promise<TRuleView> {
  await db.$transaction(async (tx) => {
    const before = await loadRuleForUpdate(tx, orgId, teamId, ruleId);
    if (before.enabled === enabled) return;
    await tx.automationRule.update({ where: { id: before.id }, data: { enabled, updatedAt: new Date() } });
    await recordAudit(tx, {
      orgId,
      actor,
      action: enabled ? "automation_rule.enabled" : "automation_rule.disabled",
      target: { type: "automation_rule", id: before.id, label: before.name },
      before: { enabled: before.enabled },
      after: { enabled },
    });
  });
  return getRule(orgId, ruleId);
}

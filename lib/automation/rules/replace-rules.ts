import "server-only";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { db } from "@/lib/server/db";
import type { TAutomationRuleDraft } from "../schemas";
import { assertListOwner, assertRuleAllowed, lockRuleLists } from "./write-checks";
import { changedFields, type TRulesDiff } from "./yaml-diff";
import { renumber, ruleColumns, ruleSnapshot, storeRuleUpdate } from "./write-rule";

/**
 * Replaces whole lists with the given rules, in one transaction: a rule of the same name in the
 * same list is updated in place (it keeps its id, so its ledger and what it did to findings stay
 * its own), the rest are created, and rules no longer listed are deleted. Every rule is checked
 * again inside the transaction; each change writes an audit row, and the import one more.
 */
export async function replaceRuleLists(
  orgId: string,
  actor: TAuditEntry["actor"],
  lists: readonly { teamId: string | null; rules: readonly TAutomationRuleDraft[] }[],
  diff: TRulesDiff,
): Promise<void> {
  await db.$transaction(
    async (tx) => {
      await lockRuleLists(tx, orgId);
      for (const list of lists) {
        await assertListOwner(tx, orgId, list.teamId);
        const existing = await tx.automationRule.findMany({ where: { orgId, teamId: list.teamId } });
        const byName = new Map(existing.map((r) => [r.name, r]));
        const order: string[] = [];
        for (const rule of list.rules) {
          await assertRuleAllowed(tx, orgId, list.teamId, rule);
          const before = byName.get(rule.name);
          byName.delete(rule.name);
          if (!before) {
            const created = await tx.automationRule.create({
              data: {
                orgId,
                teamId: list.teamId,
                position: existing.length + order.length + 1,
                createdById: "userId" in actor ? actor.userId : null,
                ...ruleColumns(rule),
              },
            });
            order.push(created.id);
            await recordAudit(tx, {
              orgId,
              actor,
              action: "automation_rule.created",
              target: { type: "automation_rule", id: created.id, label: rule.name },
              after: ruleSnapshot(created),
            });
            continue;
          }
          order.push(before.id);
          const stored = { ...before, expiresAt: before.expiresAt } as unknown as Parameters<typeof changedFields>[0];
          if (!changedFields(stored, rule).length) continue;
          await storeRuleUpdate(tx, orgId, actor, before, rule);
        }
        for (const gone of byName.values()) {
          await tx.automationRule.delete({ where: { id: gone.id } });
          await recordAudit(tx, {
            orgId,
            actor,
            action: "automation_rule.deleted",
            target: { type: "automation_rule", id: gone.id, label: gone.name },
            before: ruleSnapshot(gone),
          });
        }
        await renumber(tx, orgId, order);
      }
      await recordAudit(tx, {
        orgId,
        actor,
        action: "automation_rules.imported",
        target: { type: "automation_rules", label: "YAML import" },
        after: { counts: diff.counts, lists: diff.lists.map((l) => ({ ...l })) },
      });
    },
    { timeout: 60_000 },
  );
}

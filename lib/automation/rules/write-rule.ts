import "server-only";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import type { AutomationRule, Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/db";
import type { TAutomationRuleDraft } from "../schemas";

// Pieces shared by the verbs that write rules: the stored columns of a parsed rule, the audit
// snapshot of a rule (what before/after hold), and dense renumbering of a list.

/** The columns of a rule parsed with ZAutomationRuleInput (conditions and actions as their output). */
export function ruleColumns(rule: TAutomationRuleDraft) {
  return {
    name: rule.name,
    enabled: rule.enabled,
    conditions: rule.conditions as unknown as Prisma.InputJsonValue,
    actions: rule.actions as unknown as Prisma.InputJsonValue,
    stopProcessing: rule.stopProcessing,
    expiresAt: rule.expiresAt,
    note: rule.note,
  };
}

type TSnapshotSource = {
  teamId: string | null;
  position: number;
  name: string;
  enabled: boolean;
  conditions: unknown;
  actions: unknown;
  stopProcessing: boolean;
  expiresAt: Date | null;
  note: string;
};

/** A rule as the audit log keeps it: every setting, dates as ISO text. */
export function ruleSnapshot(rule: TSnapshotSource): Prisma.InputJsonObject {
  return {
    teamId: rule.teamId,
    position: rule.position,
    name: rule.name,
    enabled: rule.enabled,
    conditions: (rule.conditions ?? []) as Prisma.InputJsonValue,
    actions: (rule.actions ?? {}) as Prisma.InputJsonValue,
    stopProcessing: rule.stopProcessing,
    expiresAt: rule.expiresAt ? rule.expiresAt.toISOString() : null,
    note: rule.note,
  };
}

/** The list's rule ids in order. */
export async function listOrder(tx: Tx, orgId: string, teamId: string | null): Promise<string[]> {
  const rows = await tx.automationRule.findMany({
    where: { orgId, teamId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** Positions 1..n in the given order; rows already in place are left alone. */
export async function renumber(tx: Tx, orgId: string, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  await tx.$executeRaw`
    UPDATE automation_rules r SET position = o.ord::int, updated_at = r.updated_at
      FROM unnest(${ids}::uuid[]) WITH ORDINALITY AS o(id, ord)
     WHERE r.id = o.id AND r.org_id = ${orgId}::uuid AND r.position <> o.ord`;
}

/** Stores `rule` over the stored `before`, with the audit row that shows both. */
export async function storeRuleUpdate(
  tx: Tx,
  orgId: string,
  actor: TAuditEntry["actor"],
  before: AutomationRule,
  rule: TAutomationRuleDraft,
): Promise<AutomationRule> {
  const after = await tx.automationRule.update({
    where: { id: before.id },
    data: { ...ruleColumns(rule), updatedAt: new Date() },
  });
  await recordAudit(tx, {
    orgId,
    actor,
    action: "automation_rule.updated",
    target: { type: "automation_rule", id: before.id, label: rule.name },
    before: ruleSnapshot(before),
    after: ruleSnapshot(after),
  });
  return after;
}

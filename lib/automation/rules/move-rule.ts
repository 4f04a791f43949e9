import "server-only";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { loadRuleForUpdate } from "./load-rule";
import { listRules, type TRuleView } from "./queries";
import { lockRuleLists } from "./write-checks";
import { listOrder, renumber } from "./write-rule";

/** Up or down one place, or to a 0-based index of the list. */
export type TMoveTo = "up" | "down" | { index: number };

/**
 * Moves a rule within its list (order decides which rule acts first and where "stop processing"
 * cuts). Positions are renumbered 1..n whatever they were; the moved list is returned.
 */
export async function moveRule(
  orgId: string,
  actor: TAuditEntry["actor"],
  teamId: string | null,
  ruleId: string,
  to: TMoveTo,
): Promise<TRuleView[]> {
  await db.$transaction(async (tx) => {
    await lockRuleLists(tx, orgId);
    const rule = await loadRuleForUpdate(tx, orgId, teamId, ruleId);
    const ids = await listOrder(tx, orgId, teamId);
    const from = ids.indexOf(rule.id);
    const target = to === "up" ? from - 1 : to === "down" ? from + 1 : to.index;
    if (!Number.isInteger(target)) throw new AppError("bad_request", "Give a whole index.", { field: "index" });
    const index = Math.max(0, Math.min(target, ids.length - 1));
    if (index === from) return;
    ids.splice(from, 1);
    ids.splice(index, 0, rule.id);
    await renumber(tx, orgId, ids);
    await recordAudit(tx, {
      orgId,
      actor,
      action: "automation_rule.moved",
      target: { type: "automation_rule", id: rule.id, label: rule.name },
      before: { position: from + 1 },
      after: { position: index + 1 },
    });
  });
  return listRules(orgId, teamId);
}

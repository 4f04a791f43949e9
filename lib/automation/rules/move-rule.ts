import "server-only";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { moveWithin, type TMoveTo } from "@/lib/domain/ordered-list";
import { loadRuleForUpdate } from "./load-rule";
import { listRules, type TRuleView } from "./queries";
import { lockRuleLists } from "./write-checks";
import { listOrder, renumber } from "./write-rule";

export type { TMoveTo } from "@/lib/domain/ordered-list";

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
    if (typeof to === "object" && !Number.isInteger(to.index)) {
      throw new AppError("bad_request", "Give a whole index.", { field: "index" });
    }
    const moved = moveWithin(ids, rule.id, to);
    if (!moved) return;
    await renumber(tx, orgId, ids);
    await recordAudit(tx, {
      orgId,
      actor,
      action: "automation_rule.moved",
      target: { type: "automation_rule", id: rule.id, label: rule.name },
      before: { position: moved.from + 1 },
      after: { position: moved.to + 1 },
    });
  });
  return listRules(orgId, teamId);
}

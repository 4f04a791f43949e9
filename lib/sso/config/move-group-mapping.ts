import "server-only";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { db } from "@/lib/server/db";
import { moveWithin } from "@/lib/domain/ordered-list";
import { loadMapping, lockGroupMappings, mappingOrder, renumber } from "./group-mapping-rules";

/** Moves a mapping one place up or down; positions are renumbered 1..n. At an end it stays. */
export async function moveGroupMapping(
  orgId: string,
  actor: TAuditEntry["actor"],
  mappingId: string,
  direction: "up" | "down",
): Promise<{ moved: boolean }> {
  return db.$transaction(async (tx) => {
    await lockGroupMappings(tx, orgId);
    const mapping = await loadMapping(tx, orgId, mappingId);
    const ids = await mappingOrder(tx, orgId);
    const moved = moveWithin(ids, mapping.id, direction);
    if (!moved) return { moved: false };
    await renumber(tx, orgId, ids);
    await recordAudit(tx, {
      orgId,
      actor,
      action: "sso.mapping_moved",
      target: { type: "sso_group_mapping", id: mapping.id, label: mapping.groupName },
      before: { position: moved.from + 1 },
      after: { position: moved.to + 1 },
    });
    return { moved: true };
  });
}

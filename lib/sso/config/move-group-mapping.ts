import "server-only";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { db } from "@/lib/server/db";
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
    const from = ids.indexOf(mapping.id);
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= ids.length) return { moved: false };
    ids.splice(from, 1);
    ids.splice(to, 0, mapping.id);
    await renumber(tx, orgId, ids);
    await recordAudit(tx, {
      orgId,
      actor,
      action: "sso.mapping_moved",
      target: { type: "sso_group_mapping", id: mapping.id, label: mapping.groupName },
      before: { position: from + 1 },
      after: { position: to + 1 },
    });
    return { moved: true };
  });
}

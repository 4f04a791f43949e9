import "server-only";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { db } from "@/lib/server/db";
import { loadMapping, lockGroupMappings, mappingOrder, mappingView, renumber } from "./group-mapping-rules";

/**
 * Removes a mapping. Memberships it granted stay until the person's next sign-in, when the
 * remaining mappings are applied again.
 */
export async function removeGroupMapping(orgId: string, actor: TAuditEntry["actor"], mappingId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockGroupMappings(tx, orgId);
    const current = await loadMapping(tx, orgId, mappingId);
    await tx.ssoGroupMapping.delete({ where: { id: current.id } });
    await renumber(tx, orgId, await mappingOrder(tx, orgId));
    await recordAudit(tx, {
      orgId,
      actor,
      action: "sso.mapping_removed",
      target: { type: "sso_group_mapping", id: current.id, label: current.groupName },
      before: mappingView(current, current.team?.name ?? null),
    });
  });
}

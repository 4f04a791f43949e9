import "server-only";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { db } from "@/lib/server/db";
import { ZGroupMapping, type TGroupMapping } from "../schemas";
import { loadMapping, lockGroupMappings, mappingView, teamNameOf } from "./group-mapping-rules";

/** Changes a mapping in place (its position stays). */
export async function changeGroupMapping(
  orgId: string,
  actor: TAuditEntry["actor"],
  mappingId: string,
  input: TGroupMapping,
): Promise<{ changed: boolean }> {
  const mapping = ZGroupMapping.parse(input);
  return db.$transaction(async (tx) => {
    await lockGroupMappings(tx, orgId);
    const current = await loadMapping(tx, orgId, mappingId);
    const teamName = await teamNameOf(tx, orgId, mapping.teamId);
    const before = mappingView(current, current.team?.name ?? null);
    const after = mappingView(mapping, teamName);
    if (JSON.stringify(before) === JSON.stringify(after)) return { changed: false };
    await tx.ssoGroupMapping.update({ where: { id: current.id }, data: mapping });
    await recordAudit(tx, {
      orgId,
      actor,
      action: "sso.mapping_changed",
      target: { type: "sso_group_mapping", id: current.id, label: mapping.groupName },
      before,
      after,
    });
    return { changed: true };
  });
}

import "server-only";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { ZGroupMapping, type TGroupMapping } from "../schemas";
import { lockGroupMappings, mappingView, teamNameOf } from "./group-mapping-rules";
import { MAX_GROUP_MAPPINGS } from "./schemas";

/** Adds a mapping at the end of the org's list (mappings apply in order at every sign-in). */
export async function addGroupMapping(
  orgId: string,
  actor: TAuditEntry["actor"],
  input: TGroupMapping,
): Promise<{ id: string }> {
  const mapping = ZGroupMapping.parse(input);
  return db.$transaction(async (tx) => {
    await lockGroupMappings(tx, orgId);
    const teamName = await teamNameOf(tx, orgId, mapping.teamId);
    const count = await tx.ssoGroupMapping.count({ where: { orgId } });
    if (count >= MAX_GROUP_MAPPINGS) {
      throw new AppError("bad_request", `An organization has at most ${MAX_GROUP_MAPPINGS} group mappings.`, {
        field: "groupName",
      });
    }
    const last = await tx.ssoGroupMapping.aggregate({ where: { orgId }, _max: { position: true } });
    const created = await tx.ssoGroupMapping.create({
      data: { orgId, ...mapping, position: (last._max.position ?? 0) + 1 },
      select: { id: true },
    });
    await recordAudit(tx, {
      orgId,
      actor,
      action: "sso.mapping_added",
      target: { type: "sso_group_mapping", id: created.id, label: mapping.groupName },
      after: mappingView(mapping, teamName),
    });
    return created;
  });
}

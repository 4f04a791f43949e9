import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { accessCounts, revokeSessionsOf, scimTransaction, syncScimUsers } from "./directory-sync";
import { scimNotFound } from "./errors";
import { memberPeople } from "./group-members";
import type { TScimScope } from "./users";

/**
 * DELETE /Groups/{id}: the group and its member list go, and the team memberships it managed with
 * them (through the directory sync). The linked team stays: it holds scopes, findings and routing.
 */
export async function deleteScimGroup(scope: TScimScope, id: string): Promise<void> {
  const { orgId, actor } = scope;
  const lostAllAccess = await scimTransaction(orgId, async (tx) => {
    const current = await tx.scimGroup.findFirst({ where: { id, orgId } });
    if (!current) throw scimNotFound(`No Group with id ${id} in this organization.`);
    const people = await memberPeople(tx, id);
    await tx.scimGroup.delete({ where: { id } });
    const sync = await syncScimUsers(tx, orgId, people);
    await recordAudit(tx, {
      orgId,
      actor,
      action: "scim.group_deleted",
      target: { type: "scim_group", id, label: current.displayName },
      before: { displayName: current.displayName, externalId: current.externalId, teamId: current.teamId },
      after: { members: people.length, access: accessCounts(sync) },
    });
    return sync.lostAllAccess;
  });
  await revokeSessionsOf(lostAllAccess);
}

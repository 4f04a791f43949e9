import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Tx } from "@/lib/server/db";
import { accessCounts, revokeSessionsOf, scimTransaction, syncScimUsers } from "./directory-sync";
import type { TGroupDocument } from "./documents";
import { scimBadRequest } from "./errors";
import { changeMembers, usersOfMembers } from "./group-members";
import type { TScimGroupRow } from "./queries";
import { teamForGroup } from "./team-link";
import type { TScimScope } from "./users";

/** POST /Groups: the group, linked to its team (team-link.ts), with its first members synced. */
export async function createScimGroup(scope: TScimScope, doc: TGroupDocument): Promise<TScimGroupRow> {
  const { orgId, actor } = scope;
  const { row, lostAllAccess } = await scimTransaction(orgId, async (tx) => {
    await assertGroupNameFree(tx, orgId, doc.displayName);
    const memberIds = (doc.members ?? []).map((m) => m.value);
    await usersOfMembers(tx, orgId, memberIds);
    const link = await teamForGroup(tx, scope, doc.displayName);
    const group = await tx.scimGroup.create({
      data: {
        orgId,
        displayName: doc.displayName,
        externalId: doc.externalId ?? null,
        teamId: link.teamId,
        ...(link.teamRole ? { teamRole: link.teamRole } : {}),
      },
    });
    const members = await changeMembers(tx, orgId, group.id, { reset: false, add: memberIds, remove: [] });
    const sync = await syncScimUsers(tx, orgId, members.people);
    await recordAudit(tx, {
      orgId,
      actor,
      action: "scim.group_created",
      target: { type: "scim_group", id: group.id, label: group.displayName },
      after: {
        displayName: group.displayName,
        externalId: group.externalId,
        team: link.team ? { ...link.team, role: group.teamRole } : null,
        members: members.added.length,
        access: accessCounts(sync),
      },
    });
    return { row: group, lostAllAccess: sync.lostAllAccess };
  });
  await revokeSessionsOf(lostAllAccess);
  return row;
}

/** 409 uniqueness when another group of the org has this displayName (case-insensitive). */
export async function assertGroupNameFree(tx: Tx, orgId: string, displayName: string, exceptId?: string) {
  const taken = await tx.scimGroup.findFirst({
    where: {
      orgId,
      displayName: { equals: displayName, mode: "insensitive" },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { id: true },
  });
  if (taken) throw scimBadRequest("uniqueness", `A Group named "${displayName}" already exists (id ${taken.id}).`);
}

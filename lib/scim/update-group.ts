import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { accessCounts, revokeSessionsOf, scimTransaction, syncScimUsers } from "./directory-sync";
import type { TGroupDocument } from "./documents";
import { scimNotFound } from "./errors";
import { assertGroupNameFree } from "./create-group";
import { planGroupPatch, type TGroupPatchPlan } from "./group-patch";
import { changeMembers, memberPeople, usersOfMembers } from "./group-members";
import type { TPatchOperation } from "./patch";
import type { TScimGroupRow } from "./queries";
import type { TScimScope } from "./users";

// PUT and PATCH of a Group. Member changes are applied as sets and only the people added or
// removed are synced; a rename re-syncs every member (group mappings match on the name). The
// linked team stays as it is: its name and slug belong to Bumpers.

/** PUT /Groups/{id}: name, externalId and the whole member list replaced. */
export function replaceScimGroup(scope: TScimScope, id: string, doc: TGroupDocument): Promise<TScimGroupRow> {
  const members = (doc.members ?? []).map((m) => m.value);
  return applyGroupPlan(scope, id, {
    displayName: doc.displayName,
    externalId: doc.externalId ?? null,
    members: { reset: true, add: new Set(members), remove: new Set() },
  });
}

/** PATCH /Groups/{id}. */
export function patchScimGroup(
  scope: TScimScope,
  id: string,
  operations: readonly TPatchOperation[],
): Promise<TScimGroupRow> {
  return applyGroupPlan(scope, id, planGroupPatch(operations));
}

async function applyGroupPlan(scope: TScimScope, id: string, plan: TGroupPatchPlan): Promise<TScimGroupRow> {
  const { orgId, actor } = scope;
  const { row, lostAllAccess } = await scimTransaction(orgId, async (tx) => {
    const current = await tx.scimGroup.findFirst({ where: { id, orgId } });
    if (!current) throw scimNotFound(`No Group with id ${id} in this organization.`);
    const renamed = plan.displayName !== undefined && plan.displayName !== current.displayName;
    if (renamed && plan.displayName!.toLowerCase() !== current.displayName.toLowerCase()) {
      await assertGroupNameFree(tx, orgId, plan.displayName!, id);
    }
    const externalIdChanged = plan.externalId !== undefined && plan.externalId !== current.externalId;
    const add = [...plan.members.add];
    await usersOfMembers(tx, orgId, add);
    const members = await changeMembers(tx, orgId, id, { ...plan.members, add, remove: [...plan.members.remove] });
    const membersChanged = members.added.length + members.removed.length > 0;
    if (!renamed && !externalIdChanged && !membersChanged) return { row: current, lostAllAccess: [] };

    const updated = await tx.scimGroup.update({
      where: { id },
      data: {
        ...(renamed ? { displayName: plan.displayName } : {}),
        ...(externalIdChanged ? { externalId: plan.externalId } : {}),
        version: { increment: 1 },
      },
    });
    const affected = renamed ? [...(await memberPeople(tx, id)), ...members.people] : members.people;
    const sync = await syncScimUsers(tx, orgId, affected);
    const target = { type: "scim_group", id, label: updated.displayName };
    if (renamed || externalIdChanged) {
      await recordAudit(tx, {
        orgId,
        actor,
        action: "scim.group_updated",
        target,
        before: { displayName: current.displayName, externalId: current.externalId },
        after: { displayName: updated.displayName, externalId: updated.externalId },
      });
    }
    if (membersChanged) {
      await recordAudit(tx, {
        orgId,
        actor,
        action: "scim.group_members_changed",
        target,
        after: {
          added: members.added.slice(0, 100),
          removed: members.removed.slice(0, 100),
          addedCount: members.added.length,
          removedCount: members.removed.length,
          access: accessCounts(sync),
        },
      });
    }
    return { row: updated, lostAllAccess: sync.lostAllAccess };
  });
  await revokeSessionsOf(lostAllAccess);
  return row;
}

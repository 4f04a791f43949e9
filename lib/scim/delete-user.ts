import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { accessAudit, revokeSessionsOf, scimTransaction, syncScimUsers } from "./directory-sync";
import { scimNotFound } from "./errors";
import type { TScimScope } from "./users";

/**
 * DELETE /Users/{id}: the person's membership of the org goes (as for a deactivation; an owner's
 * stays), then the SCIM record and its group memberships. The Bumpers user remains: they may
 * belong to other organizations.
 */
export async function deleteScimUser(scope: TScimScope, id: string): Promise<void> {
  const { orgId, actor } = scope;
  const lostAllAccess = await scimTransaction(orgId, async (tx) => {
    const current = await tx.scimUser.findFirst({ where: { id, orgId } });
    if (!current) throw scimNotFound(`No User with id ${id} in this organization.`);
    await tx.scimUser.update({ where: { id }, data: { active: false } });
    const person = { userId: current.userId, active: false };
    const deactivated = await syncScimUsers(tx, orgId, [person]);
    await tx.scimUser.delete({ where: { id } });
    // An owner kept their membership; the teams they had through SCIM groups go with the record.
    const cleaned = await syncScimUsers(tx, orgId, [person]);
    const owner = await tx.membership.findUnique({
      where: { orgId_userId: { orgId, userId: current.userId } },
      select: { role: true },
    });
    await recordAudit(tx, {
      orgId,
      actor,
      action: "scim.user_deleted",
      target: { type: "scim_user", id, label: current.userName },
      before: { userName: current.userName, externalId: current.externalId, active: current.active },
      after: {
        access: accessAudit(deactivated.changes.get(current.userId)) ?? null,
        ...(owner?.role === "owner"
          ? {
              ownerKept: true,
              note: "The person is an owner of the organization: the directory never removes owners, so the membership was kept.",
              teams: accessAudit(cleaned.changes.get(current.userId)) ?? null,
            }
          : {}),
      },
    });
    return deactivated.lostAllAccess;
  });
  await revokeSessionsOf(lostAllAccess);
}

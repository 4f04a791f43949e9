import "server-only";
import type { TAuditEntry } from "@/lib/audit/record-audit";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { assertOwnerOfOrg, ownerLabel, ownerWhere, type TProjectOwner } from "./owner";

/**
 * Removes the owner's project: a team falls back to the org default, the org default to none
 * (no new tickets). Tickets already made stay linked to their issues.
 */
export async function deleteTicketProject(
  orgId: string,
  actor: TAuditEntry["actor"],
  owner: TProjectOwner,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const team = await assertOwnerOfOrg(tx, orgId, owner);
    const row = await tx.ticketProject.findFirst({
      where: ownerWhere(orgId, owner),
      select: { id: true, settings: true, connection: { select: { name: true } } },
    });
    if (!row) throw new AppError("not_found", "No ticket settings to remove.");
    await tx.ticketProject.delete({ where: { id: row.id } });
    await recordAudit(tx, {
      orgId,
      actor,
      action: "ticket_project.deleted",
      target: { type: "ticket_project", id: row.id, label: ownerLabel(team) },
      before: { connection: row.connection.name, settings: row.settings ?? {} },
    });
  });
}

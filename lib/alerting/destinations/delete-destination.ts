import "server-only";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { evaluateOrgAlerts } from "../engine/evaluate";
import { isUuid } from "../parse-input";
import { destinationAudit } from "./routing-key";

/**
 * Deletes a destination (org admins). Rules that sent there lose it (a rule with no destination
 * left shows "no destination" in the feed); incidents open on it are resolved on its key first.
 */
export async function deleteDestination(orgId: string, actor: TAuditEntry["actor"], destinationId: string) {
  if (!isUuid(destinationId)) throw notFound("Destination not found.");
  await db.$transaction(async (tx) => {
    const before = await tx.alertDestination.findFirst({ where: { id: destinationId, orgId } });
    if (!before) throw notFound("Destination not found.");
    await tx.alertDestination.delete({ where: { id: destinationId } });
    await recordAudit(tx, {
      orgId,
      actor,
      action: "alert_destination.deleted",
      target: { type: "alert_destination", id: destinationId, label: before.name },
      before: destinationAudit(before),
    });
    await evaluateOrgAlerts(tx, orgId);
  });
  return { deleted: true as const };
}

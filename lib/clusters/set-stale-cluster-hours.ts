import "server-only";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";

/** Changes after how many hours without a report a cluster of the org is flagged stale. */
export async function setStaleClusterHours(orgId: string, actor: TAuditEntry["actor"], hours: number) {
  return db.$transaction(async (tx) => {
    const org = await tx.organization.findUnique({
      where: { id: orgId },
      select: { slug: true, staleClusterHours: true },
    });
    if (!org) throw notFound("Organization not found.");
    if (org.staleClusterHours === hours) return { staleClusterHours: hours, changed: false };
    await tx.organization.update({ where: { id: orgId }, data: { staleClusterHours: hours } });
    await recordAudit(tx, {
      orgId,
      actor,
      action: "org.settings_changed",
      target: { type: "organization", id: orgId, label: org.slug },
      before: { staleClusterHours: org.staleClusterHours },
      after: { staleClusterHours: hours },
    });
    return { staleClusterHours: hours, changed: true };
  });
}

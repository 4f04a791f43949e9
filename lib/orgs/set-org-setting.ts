import "server-only";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";

/** The organization's own numeric settings (a column each). */
export type TOrgNumberSetting = "staleClusterHours" | "costAnomalyFactor";

/**
 * Sets one of the org's numeric settings (input already validated) with an "org.settings_changed"
 * audit row; setting the value it has changes nothing and records nothing.
 */
export async function setOrgNumberSetting(
  orgId: string,
  actor: TAuditEntry["actor"],
  key: TOrgNumberSetting,
  value: number,
): Promise<{ changed: boolean }> {
  return db.$transaction(async (tx) => {
    const org = await tx.organization.findUnique({
      where: { id: orgId },
      select: { slug: true, staleClusterHours: true, costAnomalyFactor: true },
    });
    if (!org) throw notFound("Organization not found.");
    const before = org[key];
    if (before === value) return { changed: false };
    await tx.organization.update({ where: { id: orgId }, data: { [key]: value } });
    await recordAudit(tx, {
      orgId,
      actor,
      action: "org.settings_changed",
      target: { type: "organization", id: orgId, label: org.slug },
      before: { [key]: before },
      after: { [key]: value },
    });
    return { changed: true };
  });
}

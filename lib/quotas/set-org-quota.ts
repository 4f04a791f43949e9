import "server-only";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";

/** Per field: undefined leaves it, null returns to the install's default, a number is the org's own (0 = no limit). */
export type TQuotaChange = {
  clusters?: number | null;
  reportBytesPerDay?: number | null;
  reportBytesTotal?: number | null;
};

/** What an organization has set for itself; null fields follow the install's default. */
export type TQuotaOverrides = {
  clusters: number | null;
  reportBytesPerDay: number | null;
  reportBytesTotal: number | null;
};

const SELECT = { id: true, slug: true, quotaClusters: true, quotaReportBytesPerDay: true, quotaReportBytesTotal: true };

function overridesOf(org: {
  quotaClusters: number | null;
  quotaReportBytesPerDay: bigint | null;
  quotaReportBytesTotal: bigint | null;
}): TQuotaOverrides {
  return {
    clusters: org.quotaClusters,
    reportBytesPerDay: org.quotaReportBytesPerDay === null ? null : Number(org.quotaReportBytesPerDay),
    reportBytesTotal: org.quotaReportBytesTotal === null ? null : Number(org.quotaReportBytesTotal),
  };
}

const toBigInt = (value: number | null | undefined) =>
  value === undefined ? undefined : value === null ? null : BigInt(value);

/**
 * The install operator's quota change for one organization (not an org admin's: quotas protect
 * the install's disk from its tenants). Audited in the organization's log as the operator's.
 */
export async function setOrgQuota(
  orgSlug: string,
  change: TQuotaChange,
): Promise<{ orgId: string; before: TQuotaOverrides; after: TQuotaOverrides }> {
  for (const value of Object.values(change)) {
    if (value != null && (!Number.isSafeInteger(value) || value < 0)) {
      throw new AppError("bad_request", `A quota is a whole number of 0 (no limit) or more, not ${value}.`);
    }
  }
  return db.$transaction(async (tx) => {
    const org = await tx.organization.findUnique({ where: { slug: orgSlug }, select: SELECT });
    if (!org) throw new AppError("not_found", `No organization "${orgSlug}".`);
    const updated = await tx.organization.update({
      where: { id: org.id },
      data: {
        quotaClusters: change.clusters,
        quotaReportBytesPerDay: toBigInt(change.reportBytesPerDay),
        quotaReportBytesTotal: toBigInt(change.reportBytesTotal),
      },
      select: SELECT,
    });
    const before = overridesOf(org);
    const after = overridesOf(updated);
    // Written like recordAudit's rows, with no user or token: the operator acts from the server.
    await tx.auditLog.create({
      data: {
        orgId: org.id,
        actorLabel: "Install operator (npm run org:quota)",
        action: "org.quota_changed",
        targetType: "organization",
        targetId: org.id,
        targetLabel: org.slug,
        before,
        after,
      },
    });
    return { orgId: org.id, before, after };
  });
}

import { parseQuotaArgs, QUOTA_USAGE } from "@/lib/quotas/quota-args";
import { orgQuotaOverview } from "@/lib/quotas/quotas";
import { setOrgQuota } from "@/lib/quotas/set-org-quota";
import { formatBytes } from "@/lib/server/byte-size";
import { db, pool } from "@/lib/server/db";

// The install operator's tool for one organization's quotas (docs/operations.md#quotas): org
// admins see their usage but cannot change it.

if (!process.env.DATABASE_URL) {
  console.error("DATABASE_URL is not set: point it at the Bumpers database.");
  process.exit(2);
}

const limit = (value: number | null, format: (n: number) => string) => (value === null ? "no limit" : format(value));
const source = (override: unknown) => (override === null ? "install default" : "set for this organization");

try {
  const { org: slug, change } = parseQuotaArgs(process.argv.slice(2));
  const changing = Object.values(change).some((v) => v !== undefined);
  const org = changing
    ? { id: (await setOrgQuota(slug, change)).orgId }
    : await db.organization.findUnique({ where: { slug }, select: { id: true } });
  if (!org) throw new Error(`No organization "${slug}".`);
  const own = await db.organization.findUniqueOrThrow({
    where: { id: org.id },
    select: { quotaClusters: true, quotaReportBytesPerDay: true, quotaReportBytesTotal: true },
  });
  const { quotas, usage } = await orgQuotaOverview(org.id);
  if (changing) console.log(`Quotas of ${slug} changed (recorded in its audit log).`);
  console.log(
    [
      `${slug}:`,
      `  clusters              ${usage.clusters} of ${limit(quotas.clusters, String)} (${source(own.quotaClusters)})`,
      `  reports today (UTC)   ${formatBytes(usage.reportBytesToday)} of ${limit(quotas.reportBytesPerDay, formatBytes)} (${source(own.quotaReportBytesPerDay)})` +
        (usage.refusedToday ? `, ${usage.refusedToday} uploads refused` : ""),
      `  reports stored        ${formatBytes(usage.reportBytesStored)} of ${limit(quotas.reportBytesTotal, formatBytes)} (${source(own.quotaReportBytesTotal)})`,
    ].join("\n"),
  );
} catch (err) {
  console.error((err as Error).message);
  console.error(QUOTA_USAGE);
  process.exitCode = 1;
} finally {
  await pool.end();
  await db.$disconnect();
}

import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/server/errors";
import { quotasOf } from "./quotas";

/**
 * Inside the transaction that creates a cluster: refuses once the organization has as many as its
 * quota allows. The organization's row is locked first, so two creations at once are counted one
 * after the other (every path creates clusters here: the UI, /api/v1/clusters, fleet installs).
 */
export async function assertClusterRoom(tx: Prisma.TransactionClient, orgId: string): Promise<void> {
  const rows = await tx.$queryRaw<
    {
      quota_clusters: number | null;
      quota_report_bytes_per_day: string | null;
      quota_report_bytes_total: string | null;
    }[]
  >`SELECT quota_clusters, quota_report_bytes_per_day::text, quota_report_bytes_total::text
      FROM organizations WHERE id = ${orgId}::uuid FOR NO KEY UPDATE`;
  const row = rows[0];
  if (!row) return;
  // Counted after the lock, so a creation that committed while this one waited is included.
  const clusters = await tx.cluster.count({ where: { orgId } });
  const limit = quotasOf(row).clusters;
  if (limit === null || clusters < limit) return;
  throw new AppError(
    "cluster_quota_exceeded",
    `This organization has ${clusters} clusters, its limit of ${limit}. Delete a cluster it no longer uses, ` +
      "or ask the operator of this Bumpers install to raise the limit.",
    { limit },
  );
}

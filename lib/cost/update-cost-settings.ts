import "server-only";
import { assertOrgPermission, actorOf, type TOrgAccess } from "@/lib/auth/access";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { ZClusterPricesInput, ZCostSettingsInput, type TClusterPricesInput, type TCostSettingsInput } from "./schemas";

const assertAdmin = (access: TOrgAccess) =>
  assertOrgPermission(access, "org:settings:manage", "Only org admins change cost settings.");

/**
 * Sets the org's currency and unit prices (org admins). New prices apply to estimates from the
 * next inventory on; past rows keep the prices they were computed with.
 */
export async function updateCostSettings(access: TOrgAccess, input: TCostSettingsInput) {
  assertAdmin(access);
  const data = ZCostSettingsInput.parse(input);
  return db.$transaction(async (tx) => {
    const before = await tx.costSettings.findUnique({ where: { orgId: access.org.id } });
    const after = await tx.costSettings.upsert({
      where: { orgId: access.org.id },
      create: { orgId: access.org.id, ...data },
      update: { ...data, updatedAt: new Date() },
    });
    await recordAudit(tx, {
      orgId: access.org.id,
      actor: actorOf(access),
      action: "cost.settings_changed",
      target: { type: "organization", id: access.org.id, label: access.org.name },
      before: before
        ? {
            currency: before.currency,
            cpuHourPrice: before.cpuHourPrice,
            memoryGibHourPrice: before.memoryGibHourPrice,
            gpuHourPrice: before.gpuHourPrice,
            storageGibHourPrice: before.storageGibHourPrice,
          }
        : null,
      after: data,
    });
    return after;
  });
}

/** Sets one cluster's prices (org admins); all null clears them back to the org's. */
export async function updateClusterPrices(access: TOrgAccess, clusterId: string, input: TClusterPricesInput) {
  assertAdmin(access);
  const data = ZClusterPricesInput.parse(input);
  const cluster = await db.cluster.findFirst({
    where: { id: clusterId, orgId: access.org.id },
    select: { id: true, name: true },
  });
  if (!cluster) throw new AppError("not_found", "Cluster not found.");
  return db.$transaction(async (tx) => {
    const before = await tx.clusterCostPrice.findUnique({ where: { clusterId: cluster.id } });
    const cleared = Object.values(data).every((v) => v === null);
    const after = cleared
      ? (await tx.clusterCostPrice.deleteMany({ where: { clusterId: cluster.id, orgId: access.org.id } }), null)
      : await tx.clusterCostPrice.upsert({
          where: { clusterId: cluster.id },
          create: { clusterId: cluster.id, orgId: access.org.id, ...data },
          update: { ...data, updatedAt: new Date() },
        });
    await recordAudit(tx, {
      orgId: access.org.id,
      actor: actorOf(access),
      action: "cost.cluster_prices_changed",
      target: { type: "cluster", id: cluster.id, label: cluster.name },
      before: before
        ? {
            cpuHourPrice: before.cpuHourPrice,
            memoryGibHourPrice: before.memoryGibHourPrice,
            gpuHourPrice: before.gpuHourPrice,
            storageGibHourPrice: before.storageGibHourPrice,
            nodeHourPrice: before.nodeHourPrice,
          }
        : null,
      after: data,
    });
    return after;
  });
}

import "server-only";
import { assertOrgPermission, actorOf, type TOrgAccess } from "@/lib/auth/access";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { ZPolicyExemption, type TPolicyExemptionInput } from "./settings-schemas";

// Exemption rules are org policy: only org admins add or delete them, and a rule may name only a
// team of its own org.

const assertOrgAdmin = (access: TOrgAccess) =>
  assertOrgPermission(access, "org:settings:manage", "Only org admins change the org's exemptions.");

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Adds an exemption rule; "*" among the checks means every check, so it is stored alone. */
export async function createPolicyExemption(access: TOrgAccess, input: TPolicyExemptionInput) {
  assertOrgAdmin(access);
  const data = ZPolicyExemption.parse(input);
  if (data.expiresAt && data.expiresAt.getTime() <= Date.now())
    throw new AppError("bad_request", "Choose an expiry in the future, or none.", { field: "expiresAt" });
  const team = data.teamId
    ? await db.team.findFirst({ where: { id: data.teamId, orgId: access.org.id }, select: { id: true, name: true } })
    : null;
  if (data.teamId && !team) throw new AppError("not_found", "Team not found.", { field: "teamId" });
  const checkIds = data.checkIds.includes("*") ? ["*"] : [...new Set(data.checkIds)];
  const scope = { cluster: data.cluster, namespace: data.namespace, kind: data.kind, name: data.name };
  return db.$transaction(async (tx) => {
    const created = await tx.policyExemption.create({
      data: {
        orgId: access.org.id,
        teamId: team?.id ?? null,
        checkIds,
        ...scope,
        reason: data.reason,
        expiresAt: data.expiresAt,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      orgId: access.org.id,
      actor: actorOf(access),
      action: "policy.exemption_created",
      target: { type: "policy_exemption", id: created.id, label: checkIds.join(", ") },
      after: {
        checkIds,
        team: team?.name ?? null,
        ...scope,
        reason: data.reason,
        expiresAt: data.expiresAt?.toISOString() ?? null,
      },
    });
    return { id: created.id, checkIds };
  });
}

/** Deletes one of the org's exemption rules; another org's id is not_found, like a missing one. */
export async function deletePolicyExemption(access: TOrgAccess, id: string) {
  assertOrgAdmin(access);
  if (!UUID.test(id)) throw new AppError("not_found", "Exemption not found.");
  return db.$transaction(async (tx) => {
    const existing = await tx.policyExemption.findFirst({
      where: { id, orgId: access.org.id },
      select: { id: true, checkIds: true, cluster: true, namespace: true, kind: true, name: true, reason: true },
    });
    if (!existing) throw new AppError("not_found", "Exemption not found.");
    await tx.policyExemption.delete({ where: { id: existing.id } });
    const { id: _id, ...before } = existing;
    await recordAudit(tx, {
      orgId: access.org.id,
      actor: actorOf(access),
      action: "policy.exemption_deleted",
      target: { type: "policy_exemption", id: existing.id, label: existing.checkIds.join(", ") },
      before,
    });
    return { id: existing.id };
  });
}

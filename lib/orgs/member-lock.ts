import "server-only";
import type { Tx } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";

/**
 * Serializes membership changes of one org for the rest of the transaction. Without it, two
 * owners demoting each other at the same time would both see two owners and leave none.
 */
export async function lockOrgMembers(tx: Tx, orgId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM organizations WHERE id = ${orgId}::uuid FOR UPDATE`;
}

/** Serializes invitations to one address in one org, so two clicks cannot leave two pending. */
export async function lockInvitationEmail(tx: Tx, orgId: string, email: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`invite:${orgId}:${email}`}, 0))`;
}

/**
 * The org's membership `membershipId` (others are not found) and the org's number of owners, read
 * under the member lock: what the owner rules of a role change or a removal decide on.
 */
export async function loadMemberForChange(tx: Tx, orgId: string, membershipId: string) {
  await lockOrgMembers(tx, orgId);
  const membership = await tx.membership.findFirst({
    where: { id: membershipId, orgId },
    select: { id: true, role: true, userId: true, user: { select: { email: true } } },
  });
  if (!membership) throw new AppError("not_found", "Member not found.");
  const ownerCount = await tx.membership.count({ where: { orgId, role: "owner" } });
  return { membership, ownerCount };
}

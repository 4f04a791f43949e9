import "server-only";
import type { Tx } from "@/lib/server/db";

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

import "server-only";
import type { Tx } from "@/lib/server/db";

/**
 * Serializes changes that move resource ownership in one org (scopes, priorities, team
 * deletion): each recomputes owners from every team's rules, so two of them interleaving could
 * leave owners computed from a mix of old and new scopes. Held until the transaction ends.
 */
export async function lockTeamOwnership(tx: Tx, orgId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`team-ownership:${orgId}`}, 0))`;
}

import "server-only";
import { db, type Tx } from "@/lib/server/db";
import { loadTeamForUpdate } from "./load-team";

/**
 * Serializes changes that move resource ownership in one org (scopes, priorities, team
 * deletion): each recomputes owners from every team's rules, so two of them interleaving could
 * leave owners computed from a mix of old and new scopes. Held until the transaction ends.
 */
export async function lockTeamOwnership(tx: Tx, orgId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`team-ownership:${orgId}`}, 0))`;
}

type TTeamRow = Awaited<ReturnType<typeof loadTeamForUpdate>>;

/**
 * A change to one team that can move ownership: in one transaction, with the org's ownership lock
 * held and the team loaded (not_found when it is not the org's).
 */
export function changeTeamOwnership<T>(
  orgId: string,
  teamId: string,
  change: (tx: Tx, team: TTeamRow) => Promise<T>,
): Promise<T> {
  return db.$transaction(async (tx) => {
    await lockTeamOwnership(tx, orgId);
    return change(tx, await loadTeamForUpdate(tx, orgId, teamId));
  });
}

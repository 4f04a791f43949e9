import "server-only";
import type { Tx } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";

/** The team, if it belongs to the org: ids from another tenant are simply not found. */
export async function loadTeamForUpdate(tx: Tx, orgId: string, teamId: string) {
  const team = await tx.team.findFirst({ where: { id: teamId, orgId } });
  if (!team) throw new AppError("not_found", "Team not found.");
  return team;
}

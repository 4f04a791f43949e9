import "server-only";
import type { Tx } from "@/lib/server/db";
import { AppError, notFound } from "@/lib/server/errors";
import { isRowId } from "./row-id";
import type { TGroupMapping } from "../schemas";

// What the group-mapping verbs share: one lock per org's list (positions stay dense under
// concurrent edits), the team check, and how a mapping reads in the audit log.

export async function lockGroupMappings(tx: Tx, orgId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`sso-group-mappings:${orgId}`}, 0))`;
}

/** The mapping's team must be the org's: another org's team id is refused like an unknown one. */
export async function teamNameOf(tx: Tx, orgId: string, teamId: string | null): Promise<string | null> {
  if (!teamId) return null;
  const team = await tx.team.findFirst({ where: { id: teamId, orgId }, select: { name: true } });
  if (!team) throw new AppError("bad_request", "Choose a team of this organization.", { field: "teamId" });
  return team.name;
}

export async function loadMapping(tx: Tx, orgId: string, mappingId: string) {
  const mapping = isRowId(mappingId)
    ? await tx.ssoGroupMapping.findFirst({
        where: { id: mappingId, orgId },
        include: { team: { select: { name: true } } },
      })
    : null;
  if (!mapping) throw notFound("Group mapping not found.");
  return mapping;
}

/** Ids of the org's mappings in their order. */
export async function mappingOrder(tx: Tx, orgId: string): Promise<string[]> {
  const rows = await tx.ssoGroupMapping.findMany({
    where: { orgId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** Positions 1..n in the given order. */
export async function renumber(tx: Tx, orgId: string, ids: string[]): Promise<void> {
  for (const [i, id] of ids.entries()) {
    await tx.ssoGroupMapping.updateMany({ where: { id, orgId }, data: { position: i + 1 } });
  }
}

/** A mapping as its audit rows show it: the group and what it grants, the team by name. */
export function mappingView(mapping: TGroupMapping, teamName: string | null) {
  return {
    group: mapping.groupName,
    orgRole: mapping.orgRole,
    team: teamName,
    teamRole: mapping.teamRole,
  };
}

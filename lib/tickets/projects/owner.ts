import "server-only";
import { isUuid } from "@/lib/alerting/parse-input";
import { usableBy } from "@/lib/notifications/connections/queries";
import { type db, type Tx } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { isTicketConnectionKind, type TTicketConnectionKind } from "../schemas";

// Whose ticket project: the org's default (teamId null: org admins) or one team's own (its team
// admins). A team files through the org's Jira/GitHub connections or its own, never another team's.

export type TProjectOwner = { teamId: string | null };

/** The owner's row of ticket_projects (one per owner: the unique index on org and team). */
export const ownerWhere = (orgId: string, owner: TProjectOwner) => ({ orgId, teamId: owner.teamId });

/** A team of this org (the owner of a team's project), or a bad request. */
export async function assertOwnerOfOrg(tx: Tx | typeof db, orgId: string, owner: TProjectOwner) {
  if (!owner.teamId) return null;
  const team = await tx.team.findFirst({ where: { id: owner.teamId, orgId }, select: { id: true, name: true } });
  if (!team) throw new AppError("bad_request", "Choose a team of this organization.", { field: "teamId" });
  return team;
}

/** How an owner is named in audit rows and the sync log. */
export const ownerLabel = (team: { name: string } | null) => (team ? `Team ${team.name}` : "Organization default");

export type TTicketConnectionRow = {
  id: string;
  name: string;
  kind: TTicketConnectionKind;
  teamId: string | null;
  secretCiphertext: string;
};

/** A Jira or GitHub connection the owner may file through: the org's, or the owner team's own. */
export async function ticketConnectionFor(
  tx: Tx | typeof db,
  orgId: string,
  owner: TProjectOwner,
  connectionId: string,
): Promise<TTicketConnectionRow> {
  const refuse = () =>
    new AppError("bad_request", "Choose a Jira or GitHub connection of this organization or team.", {
      field: "connectionId",
    });
  if (!isUuid(connectionId)) throw refuse();
  const row = await tx.notificationConnection.findFirst({
    where: {
      id: connectionId,
      orgId,
      ...usableBy(owner.teamId),
    },
    select: { id: true, name: true, kind: true, teamId: true, secretCiphertext: true },
  });
  if (!row || !isTicketConnectionKind(row.kind)) throw refuse();
  return { ...row, kind: row.kind };
}

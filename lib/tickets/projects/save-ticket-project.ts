import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/alerting/parse-input";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { providerOfKind, ZTicketProjectInput, type TTicketProjectInput } from "../schemas";
import { getTicketProject, type TTicketProjectView } from "./get-ticket-project";
import { assertOwnerOfOrg, ownerLabel, ownerWhere, ticketConnectionFor, type TProjectOwner } from "./owner";

const PROVIDER_NAMES = { jira: "Jira", github: "GitHub" } as const;

/**
 * Sets where the owner's tickets go: a Jira project or a GitHub repository through a connection
 * the owner may use. One row per owner, replaced on each save; tickets already made keep theirs.
 */
export async function saveTicketProject(
  orgId: string,
  actor: TAuditEntry["actor"],
  owner: TProjectOwner,
  input: TTicketProjectInput,
): Promise<TTicketProjectView> {
  const parsed = parseInput(ZTicketProjectInput, input);
  try {
    await db.$transaction(async (tx) => {
      const team = await assertOwnerOfOrg(tx, orgId, owner);
      const connection = await ticketConnectionFor(tx, orgId, owner, parsed.connectionId);
      const provider = providerOfKind(connection.kind);
      if (parsed.settings.provider !== provider) {
        throw new AppError(
          "bad_request",
          `${connection.name} is a ${PROVIDER_NAMES[provider]} connection: fill in the ${PROVIDER_NAMES[provider]} settings.`,
          { field: "connectionId" },
        );
      }
      const data = {
        connectionId: connection.id,
        settings: parsed.settings as Prisma.InputJsonValue,
        reopenWhenStillFailing: parsed.reopenWhenStillFailing,
        commentsAsNotes: parsed.commentsAsNotes,
      };
      const existing = await tx.ticketProject.findFirst({ where: ownerWhere(orgId, owner), select: { id: true } });
      const row = existing
        ? await tx.ticketProject.update({ where: { id: existing.id }, data })
        : await tx.ticketProject.create({ data: { ...data, orgId, teamId: owner.teamId } });
      await recordAudit(tx, {
        orgId,
        actor,
        action: existing ? "ticket_project.updated" : "ticket_project.created",
        target: { type: "ticket_project", id: row.id, label: ownerLabel(team) },
        after: { ...data, connection: connection.name },
      });
    });
  } catch (err) {
    // Two admins saving the first project at once: the owner's unique index lets one through.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      throw new AppError("conflict", "Someone saved these ticket settings at the same time. Reload and try again.");
    }
    throw err;
  }
  return (await getTicketProject(orgId, owner))!;
}

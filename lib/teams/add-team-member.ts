import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { loadTeamForUpdate } from "./load-team";
import { teamMemberAudit } from "./load-team-member";
import type { TTeamMemberInput } from "./schemas";

/** Puts an existing org member on a team; people outside the org are invited, not added here. */
export async function addTeamMember(
  orgId: string,
  actor: TAuditEntry["actor"],
  teamId: string,
  input: TTeamMemberInput,
) {
  try {
    return await db.$transaction(async (tx) => {
      const team = await loadTeamForUpdate(tx, orgId, teamId);
      const membership = await tx.membership.findUnique({
        where: { orgId_userId: { orgId, userId: input.userId } },
        select: { user: { select: { id: true, email: true } } },
      });
      if (!membership) {
        throw new AppError("not_found", "That person is not a member of this organization.", { field: "userId" });
      }
      const created = await tx.teamMembership.create({
        data: { orgId, teamId: team.id, userId: membership.user.id, role: input.role },
      });
      const audit = teamMemberAudit(team, membership.user);
      await recordAudit(tx, {
        orgId,
        actor,
        action: "team.member_added",
        target: audit.target,
        after: audit.state(input.role),
      });
      return created;
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      throw new AppError("conflict", "This person is already on the team.", { field: "userId" });
    }
    throw err;
  }
}

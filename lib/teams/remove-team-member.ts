import "server-only";
import { db } from "@/lib/server/db";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { loadTeamMemberForUpdate, teamMemberAudit } from "./load-team-member";

/** Takes someone off a team; they stay a member of the org. */
export async function removeTeamMember(
  orgId: string,
  actor: TAuditEntry["actor"],
  teamId: string,
  input: { userId: string },
) {
  return db.$transaction(async (tx) => {
    const { team, membership } = await loadTeamMemberForUpdate(tx, orgId, teamId, input.userId);
    await tx.teamMembership.delete({ where: { id: membership.id } });
    const audit = teamMemberAudit(team, membership.user);
    await recordAudit(tx, {
      orgId,
      actor,
      action: "team.member_removed",
      target: audit.target,
      before: audit.state(membership.role),
    });
    return { removed: membership.user.id };
  });
}

import "server-only";
import { db } from "@/lib/server/db";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { loadTeamMemberForUpdate } from "./load-team-member";

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
    await recordAudit(tx, {
      orgId,
      actor,
      action: "team.member_removed",
      target: { type: "team_member", id: membership.user.id, label: `${membership.user.email} in ${team.name}` },
      before: { team: team.slug, user: membership.user.email, role: membership.role },
    });
    return { removed: membership.user.id };
  });
}

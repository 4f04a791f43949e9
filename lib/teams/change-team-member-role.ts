import "server-only";
import { db } from "@/lib/server/db";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { loadTeamMemberForUpdate } from "./load-team-member";
import type { TTeamMemberInput } from "./schemas";

export async function changeTeamMemberRole(
  orgId: string,
  actor: TAuditEntry["actor"],
  teamId: string,
  input: TTeamMemberInput,
) {
  return db.$transaction(async (tx) => {
    const { team, membership } = await loadTeamMemberForUpdate(tx, orgId, teamId, input.userId);
    if (membership.role === input.role) return { role: membership.role, changed: false };
    await tx.teamMembership.update({ where: { id: membership.id }, data: { role: input.role } });
    await recordAudit(tx, {
      orgId,
      actor,
      action: "team.member_role_changed",
      target: { type: "team_member", id: membership.user.id, label: `${membership.user.email} in ${team.name}` },
      before: { team: team.slug, user: membership.user.email, role: membership.role },
      after: { team: team.slug, user: membership.user.email, role: input.role },
    });
    return { role: input.role, changed: true };
  });
}

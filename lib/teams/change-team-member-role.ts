import "server-only";
import { db } from "@/lib/server/db";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { loadTeamMemberForUpdate, teamMemberAudit } from "./load-team-member";
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
    const audit = teamMemberAudit(team, membership.user);
    await recordAudit(tx, {
      orgId,
      actor,
      action: "team.member_role_changed",
      target: audit.target,
      before: audit.state(membership.role),
      after: audit.state(input.role),
    });
    return { role: input.role, changed: true };
  });
}

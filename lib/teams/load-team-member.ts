import "server-only";
import type { Tx } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { loadTeamForUpdate } from "./load-team";

/** A member of a team of the org, with the team and the user's email for the audit row. */
export async function loadTeamMemberForUpdate(tx: Tx, orgId: string, teamId: string, userId: string) {
  const team = await loadTeamForUpdate(tx, orgId, teamId);
  const membership = await tx.teamMembership.findFirst({
    where: { orgId, teamId: team.id, userId },
    select: { id: true, role: true, user: { select: { id: true, email: true } } },
  });
  if (!membership) throw new AppError("not_found", "This person is not on the team.", { field: "userId" });
  return { team, membership };
}

/** A team membership in audit rows: its target, and its state with a role. */
export function teamMemberAudit(team: { name: string; slug: string }, user: { id: string; email: string }) {
  return {
    target: { type: "team_member", id: user.id, label: `${user.email} in ${team.name}` },
    state: (role: string) => ({ team: team.slug, user: user.email, role }),
  };
}

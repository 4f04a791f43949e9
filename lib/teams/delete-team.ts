import "server-only";
import { assertConfirmedBySlug } from "@/lib/server/errors";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { changeTeamOwnership } from "./lock";
import { reassignResourceOwners } from "./reassign-owners";
import { reassignRepositoryOwners } from "./reassign-repository-owners";

/**
 * Deletes a team once the caller has typed its slug. Its memberships go with it; its resources
 * pass to the next team whose scope includes them, or become unassigned.
 */
export async function deleteTeam(
  orgId: string,
  actor: TAuditEntry["actor"],
  teamId: string,
  input: { confirmSlug: string },
) {
  return changeTeamOwnership(orgId, teamId, async (tx, team) => {
    assertConfirmedBySlug(input.confirmSlug, team.slug);
    const [members, ownedResources] = await Promise.all([
      tx.teamMembership.count({ where: { orgId, teamId } }),
      tx.resource.count({ where: { orgId, ownerTeamId: teamId, removedAt: null } }),
    ]);
    // Pending invitations that would have put someone on this team still admit them to the org.
    await tx.invitation.updateMany({ where: { orgId, teamId }, data: { teamId: null, teamRole: null } });
    await tx.team.delete({ where: { id: team.id } });
    const { changed } = await reassignResourceOwners(tx, orgId);
    // The team's CI repositories pass to the next team whose patterns match, like its resources.
    await reassignRepositoryOwners(tx, orgId);
    await recordAudit(tx, {
      orgId,
      actor,
      action: "team.deleted",
      target: { type: "team", id: team.id, label: team.name },
      before: {
        slug: team.slug,
        name: team.name,
        priority: team.priority,
        scopeRules: team.scopeRules ?? [],
        members,
        ownedResources,
      },
      // The team's rows were unassigned by the delete, so every change is one handed to a team.
      after: { movedToOtherTeams: changed, unassigned: Math.max(ownedResources - changed, 0) },
    });
    return { deleted: { id: team.id, slug: team.slug }, reassigned: changed };
  });
}

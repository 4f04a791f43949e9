import "server-only";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { changeTeamOwnership } from "./lock";
import { reassignResourceOwners } from "./reassign-owners";
import { reassignRepositoryOwners } from "./reassign-repository-owners";
import type { TTeamUpdate } from "./schemas";

/** Renames a team or changes its priority; a new priority can move resources between teams. */
export async function updateTeam(orgId: string, actor: TAuditEntry["actor"], teamId: string, input: TTeamUpdate) {
  return changeTeamOwnership(orgId, teamId, async (tx, before) => {
    const fields = ["name", "description", "priority"] as const;
    const changed = fields.filter((f) => before[f] !== input[f]);
    if (!changed.length) return { team: before, reassigned: 0 };
    const team = await tx.team.update({
      where: { id: before.id },
      data: { name: input.name, description: input.description, priority: input.priority },
    });
    const { changed: reassigned } =
      before.priority !== team.priority ? await reassignResourceOwners(tx, orgId) : { changed: 0 };
    // Priority also decides which team's repository patterns win for CI results.
    if (before.priority !== team.priority) await reassignRepositoryOwners(tx, orgId);
    await recordAudit(tx, {
      orgId,
      actor,
      action: "team.updated",
      target: { type: "team", id: team.id, label: team.name },
      before: Object.fromEntries(changed.map((f) => [f, before[f]])),
      after: {
        ...Object.fromEntries(changed.map((f) => [f, team[f]])),
        ...(before.priority !== team.priority ? { resourcesReassigned: reassigned } : {}),
      },
    });
    return { team, reassigned };
  });
}

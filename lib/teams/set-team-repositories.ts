import "server-only";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/server/errors";
import { changeTeamOwnership } from "./lock";
import { reassignRepositoryOwners } from "./reassign-repository-owners";
import { ZRepositoryPatterns } from "./repository-patterns";

/**
 * Replaces the repository patterns of a team (which CI scan results it owns) and moves the CI
 * findings and scans of every affected repository to its new owner. Saving the same list again
 * changes nothing and records nothing.
 */
export async function setTeamRepositories(
  orgId: string,
  actor: TAuditEntry["actor"],
  teamId: string,
  patterns: readonly string[],
): Promise<{ patterns: string[]; reassigned: number }> {
  const parsed = ZRepositoryPatterns.safeParse(patterns);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) =>
      typeof issue.path[0] === "number"
        ? `"${String(patterns[issue.path[0]]).trim()}": ${issue.message}`
        : issue.message,
    );
    throw new AppError("bad_request", problems.join(" "), { field: "patterns", issues: parsed.error.issues });
  }
  return changeTeamOwnership(orgId, teamId, async (tx, team) => {
    const before = team.repositoryPatterns;
    if (JSON.stringify(before) === JSON.stringify(parsed.data)) return { patterns: parsed.data, reassigned: 0 };
    await tx.team.update({ where: { id: team.id }, data: { repositoryPatterns: parsed.data } });
    const { changed } = await reassignRepositoryOwners(tx, orgId);
    await recordAudit(tx, {
      orgId,
      actor,
      action: "team.repositories_changed",
      target: { type: "team", id: team.id, label: team.name },
      before: { repositoryPatterns: before },
      after: { repositoryPatterns: parsed.data, repositoriesReassigned: changed },
    });
    return { patterns: parsed.data, reassigned: changed };
  });
}

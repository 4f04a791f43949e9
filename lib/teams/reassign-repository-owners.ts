import "server-only";
import { policySnapshotOf } from "@/lib/policies/settings-snapshot";
import type { Tx } from "@/lib/server/db";

/**
 * Recomputes the owning team of every repository with CI results in an org, after its teams'
 * repository patterns or priorities changed: the same first-match-by-priority rule as uploads
 * use, applied to each distinct repository, then one UPDATE per table for those that changed.
 * Callers hold the org's team-ownership lock.
 */
export async function reassignRepositoryOwners(tx: Tx, orgId: string): Promise<{ changed: number }> {
  const [teams, known] = await Promise.all([
    tx.team.findMany({
      where: { orgId },
      select: { id: true, name: true, priority: true, scopeRules: true, repositoryPatterns: true },
    }),
    tx.$queryRaw<{ repository: string; owner: string | null }[]>`
      SELECT repository, owner_team_id AS owner FROM ci_findings WHERE org_id = ${orgId}::uuid GROUP BY 1, 2
      UNION
      SELECT repository, owner_team_id AS owner FROM ci_scans WHERE org_id = ${orgId}::uuid GROUP BY 1, 2`,
  ]);
  if (!known.length) return { changed: 0 };
  const { repositoryOwner } = policySnapshotOf({
    passive: false,
    orgSettings: [],
    teamSettings: [],
    exemptions: [],
    teams: teams.map((t) => ({
      id: t.id,
      name: t.name,
      priority: t.priority,
      rules: t.scopeRules ?? [],
      repositories: t.repositoryPatterns,
    })),
  });
  const owners = new Map<string, string | null>();
  for (const { repository } of known) {
    if (!owners.has(repository)) owners.set(repository, repositoryOwner(repository));
  }
  const changed = [...new Set(known.filter((k) => owners.get(k.repository) !== k.owner).map((k) => k.repository))];
  if (!changed.length) return { changed: 0 };
  const newOwners = changed.map((r) => owners.get(r) ?? null);
  await tx.$executeRaw`
    UPDATE ci_findings AS f SET owner_team_id = u.owner
      FROM unnest(${changed}::text[], ${newOwners}::uuid[]) AS u(repository, owner)
     WHERE f.org_id = ${orgId}::uuid AND f.repository = u.repository AND f.owner_team_id IS DISTINCT FROM u.owner`;
  await tx.$executeRaw`
    UPDATE ci_scans AS s SET owner_team_id = u.owner
      FROM unnest(${changed}::text[], ${newOwners}::uuid[]) AS u(repository, owner)
     WHERE s.org_id = ${orgId}::uuid AND s.repository = u.repository AND s.owner_team_id IS DISTINCT FROM u.owner`;
  return { changed: changed.length };
}

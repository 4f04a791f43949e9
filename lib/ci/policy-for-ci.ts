import "server-only";
import { BUILT_IN_CHECKS } from "@/lib/policies/checks";
import { loadPolicySnapshot, settingFor } from "@/lib/policies/settings-snapshot";
import { pool } from "@/lib/server/db";

/** Resolutions sent to a CI run at most; a CI run only needs the objects its manifests define. */
const MAX_RESOLUTIONS = 20_000;

export type TCiPolicy = {
  passive: boolean;
  /** The team that owns the repository (by the teams' repository patterns), whose overrides apply. */
  team: { id: string; slug: string; name: string } | null;
  checks: { id: string; enabled: boolean; severity: string; blockAdmission: boolean; blockCi: boolean }[];
  /** Objects whose check was resolved in the app (will not fix, working as intended): exempt in CI too. */
  resolutions: { checkId: string; namespace: string; kind: string; name: string }[];
  /**
   * Exemption rules that can apply to manifests (`*` wildcards): those for every cluster, of the
   * whole org or of the repository's team. A rule tied to certain clusters stays an admission rule.
   */
  exemptions: { checkIds: string[]; namespace: string; kind: string; name: string; reason: string }[];
};

/** What `bumpers check --server` applies: the effective settings for the repository's team. */
export async function ciPolicy(orgId: string, repository: string | null): Promise<TCiPolicy> {
  const snapshot = await loadPolicySnapshot(pool, orgId);
  const teamId = repository ? snapshot.repositoryOwner(repository) : null;
  const setting = settingFor(snapshot, teamId);
  const [team, resolutions] = await Promise.all([
    teamId
      ? pool.query<{ id: string; slug: string; name: string }>(`SELECT id, slug, name FROM teams WHERE id = $1`, [
          teamId,
        ])
      : null,
    pool.query<TCiPolicy["resolutions"][number]>(
      `SELECT DISTINCT check_id AS "checkId", namespace, kind, name
         FROM findings
        WHERE org_id = $1 AND resolution IS NOT NULL AND check_id = ANY($2::text[])
        ORDER BY 1, 2, 3, 4
        LIMIT ${MAX_RESOLUTIONS}`,
      [orgId, BUILT_IN_CHECKS.map((check) => check.id)],
    ),
  ]);
  return {
    passive: snapshot.passive,
    team: team?.rows[0] ?? null,
    checks: BUILT_IN_CHECKS.map((check) => ({ id: check.id, ...setting(check) })),
    resolutions: resolutions.rows,
    exemptions: snapshot.exemptions
      .filter((e) => e.cluster === "*" && (e.teamId === null || e.teamId === teamId))
      .map(({ checkIds, namespace, kind, name, reason }) => ({ checkIds, namespace, kind, name, reason })),
  };
}

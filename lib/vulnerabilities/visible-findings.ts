import "server-only";
import { scopeCondition, type TFindingScope } from "@/lib/auth/visibility-scope";

// Which Trivy findings a caller sees. A finding of an image belongs to one team (the highest-priority
// team running the image in that cluster), but every team running the image is exposed to it: a
// team sees an image's findings when it owns them or when one of its workloads runs the image there.

export type TVisibleFilter = {
  states: readonly string[];
  fixAvailable?: boolean;
  vulnerabilityIds?: readonly string[];
  imageId?: string;
  /** Matches the CVE id, its title or a package name (case-insensitive substring). */
  q?: string;
};

/** Triage states a list counts: open only, or also snoozed and resolved. */
export const statesOf = (includeTriaged: boolean | undefined): string[] =>
  includeTriaged ? ["open", "snoozed", "resolved"] : ["open"];

/** A finding with a package that has a published fixed version. */
export const FIXABLE = `jsonb_path_exists(f.evidence, '$.packages[*] ? (@.fixed != "" && @.fixed != null)')`;

/** `%q%` for ILIKE, with the user's own % and _ taken literally. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A workload (resources row `alias`) the caller may see that still exists. */
export function visibleWorkload(scope: TFindingScope, alias: string, params: unknown[]): string {
  return `${alias}.removed_at IS NULL AND ${scopeCondition(scope, alias, params)}`;
}

/** The condition on a Trivy finding `alias`: in scope itself, or its image runs in a workload in scope. */
export function visibleImageFinding(scope: TFindingScope, alias: string, params: unknown[]): string {
  const own = scopeCondition(scope, alias, params);
  if (scope.teamIds === null && scope.unassigned) return own;
  return `((${own}) OR EXISTS (
            SELECT 1 FROM image_workloads viw JOIN resources vr ON vr.id = viw.resource_id
             WHERE viw.cluster_id = ${alias}.cluster_id AND viw.image_id = ${alias}.image_id
               AND ${visibleWorkload(scope, "vr", params)}))`;
}

/** `SELECT …` of the caller's Trivy findings matching `filter`, with a `fixable` column. */
export function visibleTrivyFindings(scope: TFindingScope, filter: TVisibleFilter, params: unknown[]): string {
  params.push(scope.orgId);
  const org = `$${params.length}`;
  params.push(filter.states);
  const where = [
    `f.org_id = ${org}`,
    `f.source = 'trivy'`,
    `f.image_id IS NOT NULL`,
    `f.state = ANY($${params.length}::finding_state[])`,
    visibleImageFinding(scope, "f", params),
  ];
  if (filter.fixAvailable) where.push(FIXABLE);
  if (filter.vulnerabilityIds) {
    params.push(filter.vulnerabilityIds);
    where.push(`f.vulnerability_id = ANY($${params.length}::text[])`);
  }
  if (filter.imageId) {
    params.push(filter.imageId);
    where.push(`f.image_id = $${params.length}::uuid`);
  }
  if (filter.q) {
    params.push(likePattern(filter.q));
    const p = `$${params.length}`;
    where.push(`(f.vulnerability_id ILIKE ${p}
                 OR EXISTS (SELECT 1 FROM vulnerabilities vc
                             WHERE vc.org_id = f.org_id AND vc.vuln_id = f.vulnerability_id AND vc.title ILIKE ${p})
                 OR EXISTS (SELECT 1 FROM jsonb_path_query(f.evidence, '$.packages[*].name') pn
                             WHERE pn #>> '{}' ILIKE ${p}))`);
  }
  return `SELECT f.id, f.cluster_id, f.image_id, f.vulnerability_id, f.severity, f.score, f.state, f.evidence,
                 f.first_seen_at, ${FIXABLE} AS fixable
            FROM findings f
           WHERE ${where.join("\n             AND ")}`;
}

/** Every state, for "does the caller see this at all" checks. */
export const ALL_STATES = ["open", "snoozed", "resolved", "fixed", "removed"] as const;

import "server-only";
import type { TOrgAccess } from "@/lib/auth/access";
import { UNASSIGNED_TEAM } from "@/lib/domain/finding-filters";
import { findingScopeOf, orgWideScope, scopeCondition, type TFindingScope } from "@/lib/auth/visibility-scope";

/** Who is asking, for "assigned to me" filters; null for a token. */
export type TViewer = { userId: string | null };

type TPrincipal = { type: "token"; token: unknown } | { type: "session"; access: TOrgAccess };

/** The scope of an /api/v1 caller: an org token reads the whole org; a session what its roles allow. */
export function apiFindingScope(orgId: string, principal: TPrincipal): { scope: TFindingScope; viewer: TViewer } {
  if (principal.type === "session") {
    return { scope: findingScopeOf(principal.access), viewer: { userId: principal.access.user.id } };
  }
  return { scope: orgWideScope(orgId), viewer: { userId: null } };
}

/**
 * The SQL condition of `scope` narrowed to some teams (slugs; "unassigned" for the unassigned
 * bucket) on a findings-like table `alias`, appending its values to `params`. Narrowing never
 * widens: teams outside the scope match nothing. The slugs resolve inside the statement (an
 * InitPlan), so narrowing costs no round trip, and with one team the (org, team, state, …)
 * indexes still return rows in order.
 */
export function narrowedScopeCondition(
  scope: TFindingScope,
  teamSlugs: readonly string[],
  alias: string,
  params: unknown[],
): string {
  if (!teamSlugs.length) return scopeCondition(scope, alias, params);
  const slugs = [...new Set(teamSlugs.filter((s) => s !== UNASSIGNED_TEAM))];
  const org = add(params, scope.orgId);
  const parts: string[] = [];
  if (slugs.length) {
    let teams =
      slugs.length === 1
        ? `SELECT id FROM teams WHERE org_id = ${org} AND slug = ${add(params, slugs[0])}::text`
        : `SELECT id FROM teams WHERE org_id = ${org} AND slug = ANY(${add(params, slugs)}::text[])`;
    if (scope.teamIds !== null) teams += ` AND id = ANY(${add(params, scope.teamIds)}::uuid[])`;
    parts.push(
      slugs.length === 1 ? `${alias}.owner_team_id = (${teams})` : `${alias}.owner_team_id = ANY(ARRAY(${teams}))`,
    );
  }
  if (scope.unassigned && teamSlugs.includes(UNASSIGNED_TEAM)) parts.push(`${alias}.owner_team_id IS NULL`);
  const teamCondition = parts.length === 0 ? "false" : parts.length === 1 ? parts[0] : `(${parts.join(" OR ")})`;
  return `${alias}.org_id = ${org} AND ${teamCondition}`;
}

/** Whether a view narrowed to `teamSlugs` can include findings no team owns. */
export function narrowedIncludesUnassigned(scope: TFindingScope, teamSlugs: readonly string[]): boolean {
  return scope.unassigned && (!teamSlugs.length || teamSlugs.includes(UNASSIGNED_TEAM));
}

function add(params: unknown[], value: unknown): string {
  params.push(value);
  return `$${params.length}`;
}

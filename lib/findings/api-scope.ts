import "server-only";
import type { TOrgAccess } from "@/lib/auth/access";
import { pool } from "@/lib/server/db";
import { UNASSIGNED_TEAM } from "./filters";
import { findingScopeOf, orgWideScope, type TFindingScope } from "./scope";
import type { TViewer } from "./queries";

type TPrincipal = { type: "token"; token: unknown } | { type: "session"; access: TOrgAccess };

/** The scope of an /api/v1 caller: an org token reads the whole org; a session what its roles allow. */
export function apiFindingScope(orgId: string, principal: TPrincipal): { scope: TFindingScope; viewer: TViewer } {
  if (principal.type === "session") {
    return { scope: findingScopeOf(principal.access), viewer: { userId: principal.access.user.id } };
  }
  return { scope: orgWideScope(orgId), viewer: { userId: null } };
}

/**
 * The scope narrowed to some teams (slugs; "unassigned" for the unassigned bucket). Narrowing
 * never widens: teams outside the scope are dropped.
 */
export async function narrowScope(scope: TFindingScope, teamSlugs: readonly string[]): Promise<TFindingScope> {
  if (!teamSlugs.length) return scope;
  const slugs = teamSlugs.filter((s) => s !== UNASSIGNED_TEAM);
  const { rows } = slugs.length
    ? await pool.query<{ id: string }>(`SELECT id FROM teams WHERE org_id = $1 AND slug = ANY($2::text[])`, [
        scope.orgId,
        slugs,
      ])
    : { rows: [] };
  return {
    orgId: scope.orgId,
    teamIds: rows.map((r) => r.id).filter((id) => scope.teamIds === null || scope.teamIds.includes(id)),
    unassigned: scope.unassigned && teamSlugs.includes(UNASSIGNED_TEAM),
  };
}

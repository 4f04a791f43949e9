import "server-only";
import type pg from "pg";
import type { TOrgAccess } from "@/lib/auth/access";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { findingScopeOf, scopeCondition, type TFindingScope } from "@/lib/auth/visibility-scope";

export type TAssignee = { id: string; name: string; email: string; scope: TFindingScope };

/** The org member `userId` and the findings they can read; anyone else is a 400 on the field. */
export async function loadAssignee(orgId: string, userId: string): Promise<TAssignee> {
  const membership = await db.membership.findUnique({
    where: { orgId_userId: { orgId, userId } },
    select: {
      role: true,
      org: { select: { id: true, slug: true, name: true } },
      user: { select: { id: true, name: true, email: true } },
    },
  });
  if (!membership) {
    throw new AppError("bad_request", "The assignee must be a member of this organization.", { field: "assignee" });
  }
  const teams = await db.teamMembership.findMany({ where: { orgId, userId }, select: { teamId: true, role: true } });
  // The assignee's own access, as their session would have it, so "can read" means the same thing.
  const access: TOrgAccess = {
    user: { ...membership.user, signIn: { method: "unknown", ssoOrgId: null } },
    org: membership.org,
    role: membership.role,
    teamRoles: new Map(teams.map((t) => [t.teamId, t.role])),
    breakGlass: false,
  };
  return { ...membership.user, scope: findingScopeOf(access, "team:read") };
}

/** Refuses the assignment when the assignee could not open some of the findings. */
export async function assertAssigneeCanRead(
  client: pg.ClientBase,
  assignee: TAssignee,
  ids: readonly string[],
): Promise<void> {
  const params: unknown[] = [ids];
  const readable = scopeCondition(assignee.scope, "f", params);
  const { rows } = await client.query<{ id: string }>(
    `SELECT f.id FROM findings f WHERE f.id = ANY($1::uuid[]) AND NOT coalesce((${readable}), false) ORDER BY f.id`,
    params,
  );
  if (rows.length === 0) return;
  const who = assignee.name || assignee.email;
  throw new AppError(
    "bad_request",
    ids.length === 1
      ? `${who} cannot see this finding: they are not on the team that owns it.`
      : `${who} cannot see ${rows.length} of the selected findings: they are not on the teams that own them. Nothing was assigned.`,
    { field: "assignee", ids: rows.map((r) => r.id) },
  );
}

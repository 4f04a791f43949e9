import "server-only";
import type { Tx } from "@/lib/server/db";
import { prismaExecutor } from "@/lib/server/sql";
import { isRowId } from "@/lib/tokens/schemas";
import type { TPerson } from "./directory-sync";
import { scimBadRequest } from "./errors";

type TChangedRow = { id: string; userId: string; active: boolean };

// A group's member changes as set-based statements (one insert, one delete), whatever their
// number: a first sync adds hundreds of members per request. Only the rows that really changed
// come back, so the directory sync runs for those people and nobody else.

export type TMemberChange = {
  /** SCIM user ids added / removed, and the people behind them (to sync). */
  added: string[];
  removed: string[];
  people: TPerson[];
};

/**
 * The Bumpers user behind each SCIM user id; 400 naming the ids that are not Users of this org
 * (an id of another org is "not ours" too, never a hint that it exists).
 */
export async function usersOfMembers(tx: Tx, orgId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const valid = unique.filter(isRowId);
  const rows =
    valid.length === 0
      ? []
      : await tx.scimUser.findMany({ where: { orgId, id: { in: valid } }, select: { id: true, userId: true } });
  const found = new Map(rows.map((r) => [r.id, r.userId]));
  const unknown = unique.filter((id) => !found.has(id));
  if (unknown.length > 0) {
    const named = unknown.slice(0, 5).join(", ") + (unknown.length > 5 ? ` and ${unknown.length - 5} more` : "");
    throw scimBadRequest("invalidValue", `These members are not Users of this organization: ${named}.`);
  }
  return found;
}

/**
 * Adds `add` (already checked with usersOfMembers) and removes `remove` (ids that are not members
 * are ignored: removing twice is not an error); with `reset`, removes everyone not in `add`.
 */
export async function changeMembers(
  tx: Tx,
  orgId: string,
  groupId: string,
  plan: { reset: boolean; add: readonly string[]; remove: readonly string[] },
): Promise<TMemberChange> {
  const sql = prismaExecutor(tx);
  const add = [...new Set(plan.add)];
  const remove = [...new Set(plan.remove)].filter(isRowId);
  const removed = plan.reset
    ? await sql.query<TChangedRow>(
        `WITH d AS (DELETE FROM scim_group_members WHERE group_id = $1::uuid AND NOT (scim_user_id = ANY($2::uuid[]))
                    RETURNING scim_user_id)
         SELECT d.scim_user_id::text AS id, u.user_id::text AS "userId", u.active FROM d JOIN scim_users u ON u.id = d.scim_user_id`,
        [groupId, add],
      )
    : remove.length === 0
      ? { rows: [] }
      : await sql.query<TChangedRow>(
          `WITH d AS (DELETE FROM scim_group_members WHERE group_id = $1::uuid AND scim_user_id = ANY($2::uuid[])
                      RETURNING scim_user_id)
           SELECT d.scim_user_id::text AS id, u.user_id::text AS "userId", u.active FROM d JOIN scim_users u ON u.id = d.scim_user_id`,
          [groupId, remove],
        );
  const added =
    add.length === 0
      ? { rows: [] }
      : await sql.query<TChangedRow>(
          `WITH i AS (INSERT INTO scim_group_members (org_id, group_id, scim_user_id)
                      SELECT $1::uuid, $2::uuid, unnest($3::uuid[])
                      ON CONFLICT DO NOTHING RETURNING scim_user_id)
           SELECT i.scim_user_id::text AS id, u.user_id::text AS "userId", u.active FROM i JOIN scim_users u ON u.id = i.scim_user_id`,
          [orgId, groupId, add],
        );
  return {
    added: added.rows.map((r) => r.id),
    removed: removed.rows.map((r) => r.id),
    people: [...added.rows, ...removed.rows].map((r) => ({ userId: r.userId, active: r.active })),
  };
}

/** The people of a group's members (a rename or delete re-syncs all of them). */
export async function memberPeople(tx: Tx, groupId: string): Promise<TPerson[]> {
  const rows = await tx.scimGroupMember.findMany({
    where: { groupId },
    select: { user: { select: { userId: true, active: true } } },
  });
  return rows.map((r) => r.user);
}

import "server-only";
import { db, pool } from "@/lib/server/db";
import { param } from "@/lib/server/sql";
import { isRowId } from "@/lib/tokens/schemas";
import type { TListFilter } from "./filter";

// Reads of an org's SCIM Users and Groups. Lists page by startIndex/count, which SCIM defines as
// positions (RFC 7644 §3.4.2.4): the one place in Bumpers that pages with OFFSET, over one org's
// directory (thousands of rows), in creation order so pages stay stable while the IdP reads them.

export type TScimUserRow = {
  id: string;
  userId: string;
  userName: string;
  externalId: string | null;
  displayName: string | null;
  active: boolean;
  attributes: unknown;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

export type TScimGroupRow = {
  id: string;
  displayName: string;
  externalId: string | null;
  teamId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

export type TGroupRef = { id: string; displayName: string };
export type TMemberRef = { id: string; userName: string };
export type TPage = { startIndex: number; count: number };

const USER_COLUMNS = `id, user_id AS "userId", user_name AS "userName", external_id AS "externalId",
  display_name AS "displayName", active, attributes, version, created_at AS "createdAt", updated_at AS "updatedAt"`;
const GROUP_COLUMNS = `id, display_name AS "displayName", external_id AS "externalId", team_id AS "teamId", version,
  created_at AS "createdAt", updated_at AS "updatedAt"`;

/** The org's user with this SCIM id; null for an id of another org, or one that is not an id at all. */
export async function findScimUser(orgId: string, id: string): Promise<TScimUserRow | null> {
  if (!isRowId(id)) return null;
  return db.scimUser.findFirst({ where: { id, orgId } });
}

export async function findScimGroup(orgId: string, id: string): Promise<TScimGroupRow | null> {
  if (!isRowId(id)) return null;
  return db.scimGroup.findFirst({ where: { id, orgId } });
}

const USER_FILTERS: Record<TListFilter[number]["field"], (p: unknown[], v: string) => string> = {
  userName: (p, v) => `lower(user_name) = lower(${param(p, v)})`,
  externalId: (p, v) => `external_id = ${param(p, v)}`,
  displayName: (p, v) => `lower(display_name) = lower(${param(p, v)})`,
  "emails.value": (p, v) =>
    `EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(attributes->'emails') = 'array'
       THEN attributes->'emails' ELSE '[]'::jsonb END) e WHERE lower(e->>'value') = lower(${param(p, v)}))`,
};

const GROUP_FILTERS: Partial<typeof USER_FILTERS> = {
  displayName: USER_FILTERS.displayName,
  externalId: USER_FILTERS.externalId,
};

async function listPage<T extends { id: string }>(
  table: "scim_users" | "scim_groups",
  columns: string,
  filters: Partial<typeof USER_FILTERS>,
  orgId: string,
  filter: TListFilter,
  page: TPage,
): Promise<{ total: number; rows: T[] }> {
  const p: unknown[] = [];
  const where = [`org_id = ${param(p, orgId, "uuid")}`, ...filter.map(({ field, value }) => filters[field]!(p, value))];
  const condition = where.join(" AND ");
  const count = async () =>
    (await pool.query<{ total: number }>(`SELECT count(*)::int AS total FROM ${table} WHERE ${condition}`, p)).rows[0]
      .total;
  if (page.count === 0) return { total: await count(), rows: [] };
  // The total rides along with the page; only a page past the end needs a count of its own.
  const pageParams = [...p];
  const limit = param(pageParams, page.count, "int");
  const offset = param(pageParams, page.startIndex - 1, "int");
  const listed = await pool.query<T & { total: number }>(
    `SELECT ${columns}, count(*) OVER ()::int AS total FROM ${table} WHERE ${condition}
      ORDER BY created_at, id LIMIT ${limit} OFFSET ${offset}`,
    pageParams,
  );
  if (listed.rows.length === 0) return { total: page.startIndex > 1 ? await count() : 0, rows: [] };
  return { total: listed.rows[0].total, rows: listed.rows.map(({ total: _total, ...row }) => row as unknown as T) };
}

export const listScimUsers = (orgId: string, filter: TListFilter, page: TPage) =>
  listPage<TScimUserRow>("scim_users", USER_COLUMNS, USER_FILTERS, orgId, filter, page);

export const listScimGroups = (orgId: string, filter: TListFilter, page: TPage) =>
  listPage<TScimGroupRow>("scim_groups", GROUP_COLUMNS, GROUP_FILTERS, orgId, filter, page);

/** The groups of each of these users (by SCIM user id). */
export async function groupsOfUsers(orgId: string, scimUserIds: string[]): Promise<Map<string, TGroupRef[]>> {
  const out = new Map<string, TGroupRef[]>(scimUserIds.map((id) => [id, []]));
  if (scimUserIds.length === 0) return out;
  const { rows } = await pool.query<{ userId: string; id: string; displayName: string }>(
    `SELECT m.scim_user_id AS "userId", g.id, g.display_name AS "displayName"
       FROM scim_group_members m JOIN scim_groups g ON g.id = m.group_id
      WHERE m.org_id = $1 AND m.scim_user_id = ANY($2::uuid[])
      ORDER BY g.display_name`,
    [orgId, scimUserIds],
  );
  for (const r of rows) out.get(r.userId)?.push({ id: r.id, displayName: r.displayName });
  return out;
}

/** The members of each of these groups, with their userName. */
export async function membersOfGroups(orgId: string, groupIds: string[]): Promise<Map<string, TMemberRef[]>> {
  const out = new Map<string, TMemberRef[]>(groupIds.map((id) => [id, []]));
  if (groupIds.length === 0) return out;
  const { rows } = await pool.query<{ groupId: string; id: string; userName: string }>(
    `SELECT m.group_id AS "groupId", u.id, u.user_name AS "userName"
       FROM scim_group_members m JOIN scim_users u ON u.id = m.scim_user_id
      WHERE m.org_id = $1 AND m.group_id = ANY($2::uuid[])
      ORDER BY u.created_at, u.id`,
    [orgId, groupIds],
  );
  for (const r of rows) out.get(r.groupId)?.push({ id: r.id, userName: r.userName });
  return out;
}

import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pool } from "@/lib/server/db";
import { keyset, param } from "@/lib/server/sql";

export type TTeamListRow = {
  id: string;
  slug: string;
  name: string;
  description: string;
  priority: number;
  scopeRules: Prisma.JsonValue;
  createdAt: Date;
};

// Ownership order: priority, then slug (unique per org, so a valid keyset).
const TEAM_KEY = keyset<TTeamListRow>([
  { expr: "t.priority", dir: "asc", cast: "int", of: (r) => r.priority },
  { expr: "t.slug", dir: "asc", cast: "text", of: (r) => r.slug },
]);

/**
 * Teams in ownership order, one page after the opaque `cursor` (a bad_request when it is not one
 * of ours). `onlyIds` limits the list to the teams a member belongs to.
 */
export async function listTeamsPage(
  orgId: string,
  page: { limit: number; cursor?: string; onlyIds?: readonly string[] },
): Promise<{ teams: TTeamListRow[]; next: string | null }> {
  const cursor = TEAM_KEY.read(page.cursor);
  const params: unknown[] = [];
  const where = [`t.org_id = ${param(params, orgId, "uuid")}`];
  if (page.onlyIds) where.push(`t.id = ANY(${param(params, [...page.onlyIds], "uuid[]")})`);
  if (cursor) where.push(TEAM_KEY.where(cursor, params));
  const { rows } = await pool.query<TTeamListRow>(
    `SELECT t.id, t.slug, t.name, t.description, t.priority, t.scope_rules AS "scopeRules", t.created_at AS "createdAt"
       FROM teams t
      WHERE ${where.join(" AND ")}
      ORDER BY ${TEAM_KEY.orderBy(cursor)}
      LIMIT ${param(params, page.limit + 1)}`,
    params,
  );
  const { data, next } = TEAM_KEY.page(rows, page.limit, cursor);
  return { teams: data, next };
}

import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db, pool } from "@/lib/server/db";
import { keyset, likeContains, param } from "@/lib/server/sql";
import { auditRange, type TAuditFilters } from "./schemas";

export type TAuditRow = {
  id: string;
  createdAt: Date;
  actorLabel: string;
  actorUserId: string | null;
  actorTokenId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  targetLabel: string;
  before: Prisma.JsonValue;
  after: Prisma.JsonValue;
};

/** An opaque page position (see `AUDIT_KEY`). */
export type TAuditCursor = string;
export type TAuditPage = { data: TAuditRow[]; older: TAuditCursor | null; newer: TAuditCursor | null };

// Newest first; "older" reads on (the keyset's next), "newer" reads back (its prev).
export const AUDIT_KEY = keyset<TAuditRow>([
  { expr: "a.created_at", dir: "desc", cast: "timestamptz", of: (r) => r.createdAt },
  { expr: "a.id", dir: "desc", cast: "bigint", of: (r) => r.id },
]);

/**
 * One page of the org's audit log, newest first, keyset-paginated on (created_at, id) so deep
 * pages cost the same as the first. `older`/`newer` are the cursors of the neighbouring pages; a
 * cursor that is not one of ours is a bad_request.
 */
export async function listAuditLog(
  orgId: string,
  filters: TAuditFilters,
  page: { limit: number; cursor?: TAuditCursor },
): Promise<TAuditPage> {
  const cursor = AUDIT_KEY.read(page.cursor);
  const params: unknown[] = [];
  const where = [`a.org_id = ${param(params, orgId, "uuid")}`];
  if (filters.action) where.push(`a.action = ${param(params, filters.action)}`);
  if (filters.actor) where.push(`a.actor_label ILIKE ${param(params, likeContains(filters.actor))}`);
  const range = auditRange(filters);
  if (range.gte) where.push(`a.created_at >= ${param(params, range.gte, "timestamptz")}`);
  if (range.lt) where.push(`a.created_at < ${param(params, range.lt, "timestamptz")}`);
  if (range.lte) where.push(`a.created_at <= ${param(params, range.lte, "timestamptz")}`);
  if (cursor) where.push(AUDIT_KEY.where(cursor, params));
  const { rows } = await pool.query<TAuditRow>(
    `SELECT a.id::text AS id, a.created_at AS "createdAt", a.actor_label AS "actorLabel",
            a.actor_user_id AS "actorUserId", a.actor_token_id AS "actorTokenId", a.action,
            a.target_type AS "targetType", a.target_id AS "targetId", a.target_label AS "targetLabel",
            a.before, a.after
       FROM audit_logs a
      WHERE ${where.join(" AND ")}
      ORDER BY ${AUDIT_KEY.orderBy(cursor)}
      LIMIT ${param(params, page.limit + 1)}`,
    params,
  );
  const { data, next, prev } = AUDIT_KEY.page(rows, page.limit, cursor);
  return { data, older: next, newer: prev };
}

/** Actions that occur in the org's log, for the filter's choices. */
export async function listAuditActions(orgId: string): Promise<string[]> {
  const groups = await db.auditLog.groupBy({ by: ["action"], where: { orgId }, orderBy: { action: "asc" } });
  return groups.map((g) => g.action);
}

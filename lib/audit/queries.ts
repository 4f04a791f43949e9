import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { auditRange, type TAuditCursor, type TAuditFilters } from "./schemas";

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

export type TAuditPage = { data: TAuditRow[]; older: TAuditCursor | null; newer: TAuditCursor | null };

const keyOf = (row: TAuditRow, d: TAuditCursor["d"]): TAuditCursor => ({
  t: row.createdAt.toISOString(),
  i: row.id,
  d,
});

/**
 * One page of the org's audit log, newest first, keyset-paginated on (created_at, id) so deep
 * pages cost the same as the first. `older`/`newer` are the cursors of the neighbouring pages.
 */
export async function listAuditLog(
  orgId: string,
  filters: TAuditFilters,
  page: { limit: number; cursor?: TAuditCursor },
): Promise<TAuditPage> {
  const { cursor, limit } = page;
  const direction = cursor?.d ?? "older";
  const where: Prisma.AuditLogWhereInput[] = [{ orgId }];
  if (filters.action) where.push({ action: filters.action });
  if (filters.actor) where.push({ actorLabel: { contains: filters.actor, mode: "insensitive" } });
  if (filters.from || filters.to) where.push({ createdAt: auditRange(filters) });
  if (cursor) {
    const t = new Date(cursor.t);
    const id = BigInt(cursor.i);
    const cmp = direction === "older" ? "lt" : "gt";
    where.push({ OR: [{ createdAt: { [cmp]: t } }, { createdAt: t, id: { [cmp]: id } }] });
  }
  const order = direction === "older" ? "desc" : "asc";
  const rows = await db.auditLog.findMany({
    where: { AND: where },
    orderBy: [{ createdAt: order }, { id: order }],
    take: limit + 1,
    select: {
      id: true,
      createdAt: true,
      actorLabel: true,
      actorUserId: true,
      actorTokenId: true,
      action: true,
      targetType: true,
      targetId: true,
      targetLabel: true,
      before: true,
      after: true,
    },
  });
  const more = rows.length > limit;
  const data: TAuditRow[] = rows.slice(0, limit).map((r) => ({ ...r, id: r.id.toString() }));
  if (direction === "newer") data.reverse();
  const first = data[0];
  const last = data[data.length - 1];
  if (direction === "older") {
    return {
      data,
      older: more && last ? keyOf(last, "older") : null,
      newer: cursor && first ? keyOf(first, "newer") : null,
    };
  }
  return {
    data,
    older: last ? keyOf(last, "older") : null,
    newer: more && first ? keyOf(first, "newer") : null,
  };
}

/** Actions that occur in the org's log, for the filter's choices. */
export async function listAuditActions(orgId: string): Promise<string[]> {
  const groups = await db.auditLog.groupBy({ by: ["action"], where: { orgId }, orderBy: { action: "asc" } });
  return groups.map((g) => g.action);
}

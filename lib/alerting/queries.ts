import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TFindingScope } from "@/lib/auth/visibility-scope";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { isUuid } from "./parse-input";
import type { TAlertGrouping, TDeliveryLogQuery, TPdSeverity, TRuleKind } from "./schemas";

// Reads for the Alerting pages. Every function takes a TFindingScope (findingScopeOf(access) for
// a session): team members see their teams' alerts and deliveries, org admins everything,
// including unassigned findings, stale clusters and test events (team null).

function teamWhere(scope: TFindingScope, teamId?: string | null): { orgId: string; teamId?: unknown } | null {
  if (teamId !== undefined) {
    const visible = teamId === null ? scope.unassigned : scope.teamIds === null || scope.teamIds.includes(teamId);
    return visible ? { orgId: scope.orgId, teamId } : null;
  }
  if (scope.teamIds === null)
    return scope.unassigned ? { orgId: scope.orgId } : { orgId: scope.orgId, teamId: { not: null } };
  const teams = { in: [...scope.teamIds] };
  return scope.unassigned
    ? ({ orgId: scope.orgId, OR: [{ teamId: teams }, { teamId: null }] } as never)
    : { orgId: scope.orgId, teamId: teams };
}

export type TAlertFeedItem = {
  id: string;
  kind: TRuleKind;
  teamId: string | null;
  teamName: string | null;
  title: string;
  subject: string;
  grouping: TAlertGrouping;
  scope: Record<string, string>;
  status: "open" | "resolved";
  /** False: "no page" (or no destination), shown in the app only. */
  paged: boolean;
  pdSeverity: TPdSeverity;
  affectedCount: number;
  dedupKey: string;
  summary: string;
  /** Bumpers' page of the affected findings. */
  link: string | null;
  sample: string[];
  openedAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
  /** Destinations with an open incident for this group. */
  openIncidents: { destinationId: string; destinationName: string | null }[];
};

export type TPage<T> = { data: T[]; nextCursor: string | null };

const FEED_INCLUDE = { routes: { where: { status: "open" as const }, select: { destinationId: true } } };
type TFeedRow = Prisma.AlertGroupGetPayload<{ include: typeof FEED_INCLUDE }>;

async function toFeedItems(orgId: string, page: TFeedRow[]): Promise<TAlertFeedItem[]> {
  const destinationIds = [...new Set(page.flatMap((g) => g.routes.map((r) => r.destinationId)))];
  const teamIds = [...new Set(page.map((g) => g.teamId).filter((t): t is string => !!t))];
  const [destinations, teams] = await Promise.all([
    db.alertDestination.findMany({ where: { orgId, id: { in: destinationIds } }, select: { id: true, name: true } }),
    db.team.findMany({ where: { orgId, id: { in: teamIds } }, select: { id: true, name: true } }),
  ]);
  const destinationName = new Map(destinations.map((d) => [d.id, d.name]));
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  return page.map((g) => {
    const details = (g.details ?? {}) as Record<string, unknown>;
    return {
      id: g.id,
      kind: g.kind,
      teamId: g.teamId,
      teamName: g.teamId ? (teamName.get(g.teamId) ?? null) : null,
      title: g.title,
      subject: g.subject,
      grouping: g.grouping,
      scope: (g.scope ?? {}) as Record<string, string>,
      status: g.status,
      paged: g.paged,
      pdSeverity: g.pdSeverity,
      affectedCount: g.affectedCount,
      dedupKey: g.dedupKey,
      summary: typeof details.summary === "string" ? details.summary : g.title,
      link: typeof details.link === "string" ? details.link : null,
      sample: Array.isArray(details.sample) ? (details.sample as string[]) : [],
      openedAt: g.openedAt,
      updatedAt: g.updatedAt,
      resolvedAt: g.resolvedAt,
      openIncidents: g.routes.map((r) => ({
        destinationId: r.destinationId,
        destinationName: destinationName.get(r.destinationId) ?? null,
      })),
    };
  });
}

const clampLimit = (limit?: number) => Math.min(Math.max(Math.trunc(limit ?? 50), 1), 500);

/**
 * The alert feed: alert groups newest change first, open and resolved, paged or "no page".
 * Filters: team (id, or null for unassigned/org-level), status, kind, paged. Keyset cursor.
 */
export async function listAlertFeed(
  scope: TFindingScope,
  filters: {
    teamId?: string | null;
    status?: "open" | "resolved";
    kind?: TRuleKind;
    paged?: boolean;
    limit?: number;
    cursor?: string | null;
  } = {},
): Promise<TPage<TAlertFeedItem>> {
  const base = teamWhere(scope, filters.teamId);
  if (!base) return { data: [], nextCursor: null };
  const limit = clampLimit(filters.limit);
  const where: Prisma.AlertGroupWhereInput = {
    ...(base as Prisma.AlertGroupWhereInput),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.paged !== undefined ? { paged: filters.paged } : {}),
  };
  const rows = await db.alertGroup.findMany({
    where,
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(filters.cursor && isUuid(filters.cursor) ? { cursor: { id: filters.cursor }, skip: 1 } : {}),
    include: FEED_INCLUDE,
  });
  const page = rows.slice(0, limit);
  return {
    data: await toFeedItems(scope.orgId, page),
    nextCursor: rows.length > limit ? page[page.length - 1]!.id : null,
  };
}

export type TDeliveryLogItem = {
  id: string;
  groupId: string | null;
  groupTitle: string | null;
  teamId: string | null;
  destinationId: string;
  destinationName: string;
  action: "trigger" | "acknowledge" | "resolve" | "notify";
  dedupKey: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  nextAttemptAt: Date;
  responseStatus: number | null;
  /** PagerDuty's answer: { status, message, dedup_key } or { status, message, errors }. */
  response: Record<string, unknown> | null;
  error: string | null;
  /** The event as sent, without the routing key. */
  payload: Record<string, unknown>;
  createdAt: Date;
  deliveredAt: Date | null;
};

/**
 * The delivery log: every event with its action, dedup key, group, status, attempts and
 * PagerDuty's answer, newest first. Filters: team, destination, status, action, group. Keyset
 * cursor (the last id).
 */
export async function listDeliveryLog(
  scope: TFindingScope,
  filters: {
    teamId?: string | null;
    destinationId?: string;
    status?: "pending" | "delivered" | "failed";
    action?: "trigger" | "acknowledge" | "resolve";
    groupId?: string;
    limit?: number;
    cursor?: string | null;
  } = {},
): Promise<TPage<TDeliveryLogItem>> {
  const base = teamWhere(scope, filters.teamId);
  if (!base) return { data: [], nextCursor: null };
  if ((filters.destinationId && !isUuid(filters.destinationId)) || (filters.groupId && !isUuid(filters.groupId))) {
    return { data: [], nextCursor: null };
  }
  const limit = clampLimit(filters.limit);
  const cursor = filters.cursor && /^\d+$/.test(filters.cursor) ? BigInt(filters.cursor) : null;
  const rows = await db.alertEvent.findMany({
    where: {
      ...(base as Prisma.AlertEventWhereInput),
      ...(filters.destinationId ? { destinationId: filters.destinationId } : {}),
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.action ? { action: filters.action } : {}),
      ...(filters.groupId ? { groupId: filters.groupId } : {}),
      ...(cursor ? { id: { lt: cursor } } : {}),
    },
    orderBy: { id: "desc" },
    take: limit + 1,
    omit: { routingKeyCiphertext: true },
    include: { group: { select: { title: true } } },
  });
  const page = rows.slice(0, limit);
  return {
    data: page.map((e) => ({
      id: e.id.toString(),
      groupId: e.groupId,
      groupTitle: e.group?.title ?? null,
      teamId: e.teamId,
      destinationId: e.destinationId,
      destinationName: e.destinationName,
      action: e.action,
      dedupKey: e.dedupKey,
      status: e.status,
      attempts: e.attempts,
      nextAttemptAt: e.nextAttemptAt,
      responseStatus: e.responseStatus,
      response: (e.response ?? null) as Record<string, unknown> | null,
      error: e.error,
      payload: e.payload as Record<string, unknown>,
      createdAt: e.createdAt,
      deliveredAt: e.deliveredAt,
    })),
    nextCursor: rows.length > limit ? page[page.length - 1]!.id.toString() : null,
  };
}

export type TOpenIncident = {
  groupId: string;
  title: string;
  teamId: string | null;
  dedupKey: string;
  destinationId: string;
  destinationName: string | null;
  openedAt: Date;
  affectedCount: number;
};

/** Incidents open in PagerDuty right now (per group and destination), optionally of one destination. */
export async function listOpenIncidents(
  scope: TFindingScope,
  filters: { teamId?: string | null; destinationId?: string } = {},
): Promise<TOpenIncident[]> {
  const base = teamWhere(scope, filters.teamId);
  if (!base || (filters.destinationId && !isUuid(filters.destinationId))) return [];
  const routes = await db.alertRoute.findMany({
    where: {
      orgId: scope.orgId,
      status: "open",
      ...(filters.destinationId ? { destinationId: filters.destinationId } : {}),
      group: base as Prisma.AlertGroupWhereInput,
    },
    orderBy: { openedAt: "desc" },
    take: 500,
    include: { group: { select: { title: true, teamId: true, dedupKey: true, affectedCount: true } } },
  });
  const names = new Map(
    (
      await db.alertDestination.findMany({
        where: { orgId: scope.orgId, id: { in: [...new Set(routes.map((r) => r.destinationId))] } },
        select: { id: true, name: true },
      })
    ).map((d) => [d.id, d.name]),
  );
  return routes.map((r) => ({
    groupId: r.groupId,
    title: r.group.title,
    teamId: r.group.teamId,
    dedupKey: r.group.dedupKey,
    destinationId: r.destinationId,
    destinationName: names.get(r.destinationId) ?? null,
    openedAt: r.openedAt,
    affectedCount: r.group.affectedCount,
  }));
}

/** One alert group in scope (as a feed item), else not_found. */
export async function getAlertGroup(scope: TFindingScope, groupId: string): Promise<TAlertFeedItem> {
  if (!isUuid(groupId)) throw notFound("Alert not found.");
  const base = teamWhere(scope);
  const row = base
    ? await db.alertGroup.findFirst({
        where: { ...(base as Prisma.AlertGroupWhereInput), id: groupId },
        include: FEED_INCLUDE,
      })
    : null;
  if (!row) throw notFound("Alert not found.");
  return (await toFeedItems(scope.orgId, [row]))[0]!;
}

/**
 * The delivery log for an API query: `team` is a slug (or "unassigned" for events not tied to a
 * team); a team the caller cannot see, or that does not exist, lists nothing.
 */
export async function listDeliveryLogByQuery(
  scope: TFindingScope,
  query: TDeliveryLogQuery,
): Promise<TPage<TDeliveryLogItem>> {
  let teamId: string | null | undefined;
  if (query.team === "unassigned") teamId = null;
  else if (query.team) {
    const team = await db.team.findFirst({ where: { orgId: scope.orgId, slug: query.team }, select: { id: true } });
    if (!team) return { data: [], nextCursor: null };
    teamId = team.id;
  }
  return listDeliveryLog(scope, {
    teamId,
    destinationId: query.destination,
    status: query.status,
    action: query.action,
    limit: query.limit,
    cursor: query.cursor,
  });
}

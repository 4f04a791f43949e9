import "server-only";
import { scopeCondition, scopeIncludesTeam, type TFindingScope } from "@/lib/auth/visibility-scope";
import { db, pool } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { keyset, param } from "@/lib/server/sql";
import { isUuid } from "./parse-input";
import type { TAlertGrouping, TDeliveryLogQuery, TPdSeverity, TRuleKind } from "./schemas";

// Reads for the Alerting pages. Every function takes a TFindingScope (findingScopeOf(access) for
// a session): team members see their teams' alerts and deliveries, org admins everything,
// including unassigned findings, stale clusters and test events (team null). The feed and the
// delivery log page with the keyset helper; pages read a stale cursor as the first page, the API
// refuses a tampered one (bad_request).

/**
 * The scope on a table with `org_id` and `team_id` (`alias`), narrowed to one team (`teamId`; null:
 * unassigned and org-level rows) when given; null when that team is outside the scope.
 */
function teamCondition(scope: TFindingScope, alias: string, params: unknown[], teamId?: string | null): string | null {
  if (teamId === undefined) return scopeCondition(scope, alias, params, "team_id");
  if (!scopeIncludesTeam(scope, teamId)) return null;
  const org = `${alias}.org_id = ${param(params, scope.orgId, "uuid")}`;
  return teamId === null
    ? `${org} AND ${alias}.team_id IS NULL`
    : `${org} AND ${alias}.team_id = ${param(params, teamId, "uuid")}`;
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

type TFeedRaw = Omit<TAlertFeedItem, "summary" | "link" | "sample"> & { details: Record<string, unknown> | null };

// Open routes with their destination's name (null once the destination is deleted).
const FEED_SELECT = `
  SELECT g.id, g.kind, g.team_id AS "teamId", t.name AS "teamName", g.title, g.subject, g."grouping", g.scope,
         g.status, g.paged, g.pd_severity AS "pdSeverity", g.affected_count AS "affectedCount",
         g.dedup_key AS "dedupKey", g.details, g.opened_at AS "openedAt", g.updated_at AS "updatedAt",
         g.resolved_at AS "resolvedAt",
         coalesce((SELECT json_agg(json_build_object('destinationId', r.destination_id, 'destinationName', d.name)
                                   ORDER BY r.opened_at, r.destination_id)
                     FROM alert_routes r
                     LEFT JOIN alert_destinations d ON d.id = r.destination_id AND d.org_id = r.org_id
                    WHERE r.group_id = g.id AND r.status = 'open'), '[]'::json) AS "openIncidents"
    FROM alert_groups g
    LEFT JOIN teams t ON t.id = g.team_id AND t.org_id = g.org_id`;

function toFeedItem({ details, ...g }: TFeedRaw): TAlertFeedItem {
  const d = details ?? {};
  return {
    ...g,
    scope: g.scope ?? {},
    summary: typeof d.summary === "string" ? d.summary : g.title,
    link: typeof d.link === "string" ? d.link : null,
    sample: Array.isArray(d.sample) ? (d.sample as string[]) : [],
  };
}

const clampLimit = (limit?: number) => Math.min(Math.max(Math.trunc(limit ?? 50), 1), 500);

// Newest change first; groups changed in one transaction share updated_at, the id orders them.
const FEED_KEY = keyset<TFeedRaw>([
  { expr: "g.updated_at", dir: "desc", cast: "timestamptz", of: (g) => g.updatedAt },
  { expr: "g.id", dir: "desc", cast: "uuid", of: (g) => g.id },
]);

/**
 * The alert feed: alert groups newest change first, open and resolved, paged or "no page".
 * Filters: team (id, or null for unassigned/org-level), status, kind, paged. Keyset cursor; a
 * cursor that is not one of ours starts from the newest (the feed is a page's list).
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
  const params: unknown[] = [];
  const base = teamCondition(scope, "g", params, filters.teamId);
  if (!base) return { data: [], nextCursor: null };
  const limit = clampLimit(filters.limit);
  const cursor = FEED_KEY.read(filters.cursor, { lenient: true });
  const where = [base];
  if (filters.status) where.push(`g.status = ${param(params, filters.status)}`);
  if (filters.kind) where.push(`g.kind = ${param(params, filters.kind)}`);
  if (filters.paged !== undefined) where.push(`g.paged = ${param(params, filters.paged)}`);
  if (cursor) where.push(FEED_KEY.where(cursor, params));
  const { rows } = await pool.query<TFeedRaw>(
    `${FEED_SELECT}
      WHERE ${where.join(" AND ")}
      ORDER BY ${FEED_KEY.orderBy(cursor)}
      LIMIT ${param(params, limit + 1)}`,
    params,
  );
  const page = FEED_KEY.page(rows, limit, cursor);
  return { data: page.data.map(toFeedItem), nextCursor: page.next };
}

export type TDeliveryLogItem = {
  id: string;
  groupId: string | null;
  groupTitle: string | null;
  teamId: string | null;
  destinationId: string;
  destinationName: string;
  /** pagerduty, or the message's channel (slack, slack_webhook, teams, email, webhook). */
  channel: TOutboxChannel;
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

// Newest first; the events one transaction wrote share created_at and follow their ids.
const DELIVERY_KEY = keyset<TDeliveryLogItem>([
  { expr: "e.created_at", dir: "desc", cast: "timestamptz", of: (e) => e.createdAt },
  { expr: "e.id", dir: "desc", cast: "bigint", of: (e) => e.id },
]);

export const OUTBOX_CHANNELS = ["pagerduty", "slack", "slack_webhook", "teams", "email", "webhook"] as const;
export type TOutboxChannel = (typeof OUTBOX_CHANNELS)[number];

export type TDeliveryLogFilters = {
  teamId?: string | null;
  destinationId?: string;
  status?: "pending" | "delivered" | "failed";
  action?: "trigger" | "acknowledge" | "resolve" | "notify";
  channel?: TOutboxChannel;
  groupId?: string;
  limit?: number;
  cursor?: string | null;
};

/**
 * The delivery log: every PagerDuty event and message with its action, dedup key (a message's id),
 * group, status, attempts and the provider's answer, newest first. Filters: team, destination,
 * status, action, channel, group. Keyset
 * cursor: a page (the default) reads one that is not ours as the first page; the API passes
 * `{ lenient: false }` to answer it with a bad_request. Never selects the routing key.
 */
export async function listDeliveryLog(
  scope: TFindingScope,
  filters: TDeliveryLogFilters = {},
  options: { lenient: boolean } = { lenient: true },
): Promise<TPage<TDeliveryLogItem>> {
  const cursor = DELIVERY_KEY.read(filters.cursor, options);
  const params: unknown[] = [];
  const base = teamCondition(scope, "e", params, filters.teamId);
  if (!base) return { data: [], nextCursor: null };
  if ((filters.destinationId && !isUuid(filters.destinationId)) || (filters.groupId && !isUuid(filters.groupId))) {
    return { data: [], nextCursor: null };
  }
  const limit = clampLimit(filters.limit);
  const where = [base];
  if (filters.destinationId) where.push(`e.destination_id = ${param(params, filters.destinationId, "uuid")}`);
  if (filters.status) where.push(`e.status = ${param(params, filters.status)}`);
  if (filters.action) where.push(`e.action = ${param(params, filters.action)}`);
  if (filters.channel) where.push(`e.channel = ${param(params, filters.channel)}::outbox_channel`);
  if (filters.groupId) where.push(`e.group_id = ${param(params, filters.groupId, "uuid")}`);
  if (cursor) where.push(DELIVERY_KEY.where(cursor, params));
  const { rows } = await pool.query<TDeliveryLogItem>(
    `SELECT e.id::text AS id, e.group_id AS "groupId", g.title AS "groupTitle", e.team_id AS "teamId",
            e.destination_id AS "destinationId", e.destination_name AS "destinationName",
            e.channel::text AS channel, e.action,
            e.dedup_key AS "dedupKey", e.status, e.attempts, e.next_attempt_at AS "nextAttemptAt",
            e.response_status AS "responseStatus", e.response, e.error, e.payload, e.created_at AS "createdAt",
            e.delivered_at AS "deliveredAt"
       FROM alert_events e
       LEFT JOIN alert_groups g ON g.id = e.group_id
      WHERE ${where.join(" AND ")}
      ORDER BY ${DELIVERY_KEY.orderBy(cursor)}
      LIMIT ${param(params, limit + 1)}`,
    params,
  );
  const page = DELIVERY_KEY.page(rows, limit, cursor);
  return { data: page.data, nextCursor: page.next };
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
  const params: unknown[] = [];
  const base = teamCondition(scope, "g", params, filters.teamId);
  if (!base || (filters.destinationId && !isUuid(filters.destinationId))) return [];
  const where = [base, `r.org_id = g.org_id`, `r.status = 'open'`];
  if (filters.destinationId) where.push(`r.destination_id = ${param(params, filters.destinationId, "uuid")}`);
  const { rows } = await pool.query<TOpenIncident>(
    `SELECT r.group_id AS "groupId", g.title, g.team_id AS "teamId", g.dedup_key AS "dedupKey",
            r.destination_id AS "destinationId", d.name AS "destinationName", r.opened_at AS "openedAt",
            g.affected_count AS "affectedCount"
       FROM alert_routes r
       JOIN alert_groups g ON g.id = r.group_id
       LEFT JOIN alert_destinations d ON d.id = r.destination_id AND d.org_id = r.org_id
      WHERE ${where.join(" AND ")}
      ORDER BY r.opened_at DESC, r.id
      LIMIT 500`,
    params,
  );
  return rows;
}

/** One alert group in scope (as a feed item), else not_found. */
export async function getAlertGroup(scope: TFindingScope, groupId: string): Promise<TAlertFeedItem> {
  if (!isUuid(groupId)) throw notFound("Alert not found.");
  const params: unknown[] = [];
  const base = scopeCondition(scope, "g", params, "team_id");
  const { rows } = await pool.query<TFeedRaw>(
    `${FEED_SELECT} WHERE ${base} AND g.id = ${param(params, groupId, "uuid")}`,
    params,
  );
  if (!rows[0]) throw notFound("Alert not found.");
  return toFeedItem(rows[0]);
}

/**
 * The delivery log for an API query: `team` is a slug (or "unassigned" for events not tied to a
 * team); a team the caller cannot see, or that does not exist, lists nothing. A cursor that is
 * not one of ours is a bad_request.
 */
export async function listDeliveryLogByQuery(
  scope: TFindingScope,
  query: TDeliveryLogQuery,
): Promise<TPage<TDeliveryLogItem>> {
  const filters: TDeliveryLogFilters = {
    destinationId: query.destination,
    status: query.status,
    action: query.action,
    limit: query.limit,
    cursor: query.cursor,
  };
  if (query.team === "unassigned") filters.teamId = null;
  else if (query.team) {
    const team = await db.team.findFirst({ where: { orgId: scope.orgId, slug: query.team }, select: { id: true } });
    if (!team) {
      DELIVERY_KEY.read(query.cursor);
      return { data: [], nextCursor: null };
    }
    filters.teamId = team.id;
  }
  return listDeliveryLog(scope, filters, { lenient: false });
}

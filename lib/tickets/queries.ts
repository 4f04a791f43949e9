import "server-only";
import { pool } from "@/lib/server/db";
import { keyset, param, type TKeysetPage } from "@/lib/server/sql";
import { problemKeyOf } from "./problems/problem-key";
import type { TTicketSubject } from "./schemas";
import type { TSyncLogEntry } from "./sync/sync-log";
import { chipOf, TICKET_COLUMNS, type TTicketRow } from "./ticket-row";
import type { TTicketChip, TTicketState } from "./views";

// Reads for the pages: chips next to findings, a team's tickets, one ticket, the sync log. All
// take the org (another org's ids read as absent); callers check the team is visible to the user.

/** The tickets of each finding, open ones first. */
export async function ticketChipsOfFindings(
  orgId: string,
  findingIds: readonly string[],
): Promise<Map<string, TTicketChip[]>> {
  const out = new Map<string, TTicketChip[]>();
  if (!findingIds.length) return out;
  const { rows } = await pool.query<TTicketRow & { finding_id: string }>(
    `SELECT tf.finding_id, ${TICKET_COLUMNS}
       FROM ticket_findings tf JOIN tickets t ON t.id = tf.ticket_id
      WHERE tf.org_id = $1::uuid AND tf.finding_id = ANY($2::uuid[])
      ORDER BY t.state IN ('creating', 'open') DESC, t.updated_at DESC, t.id`,
    [orgId, [...new Set(findingIds)]],
  );
  for (const r of rows) out.set(r.finding_id, [...(out.get(r.finding_id) ?? []), chipOf(r)]);
  return out;
}

/** The problem's open (or still creating) ticket. */
export async function ticketOfSubject(
  orgId: string,
  teamId: string,
  subject: TTicketSubject,
): Promise<TTicketChip | null> {
  const { rows } = await pool.query<TTicketRow>(
    `SELECT ${TICKET_COLUMNS} FROM tickets t
      WHERE t.org_id = $1::uuid AND t.problem_key = $2 AND t.state IN ('creating', 'open')`,
    [orgId, problemKeyOf(orgId, teamId, subject)],
  );
  return rows[0] ? chipOf(rows[0]) : null;
}

export type TTicketListItem = TTicketChip & {
  title: string;
  linked: boolean;
  openCount: number;
  affectedCount: number;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
};

const listItemOf = (t: TTicketRow): TTicketListItem => ({
  ...chipOf(t),
  title: t.title,
  linked: t.linked,
  openCount: t.open_count,
  affectedCount: t.affected_count,
  lastError: t.last_error,
  createdAt: t.created_at,
  updatedAt: t.updated_at,
});

// Most recently changed first.
const TICKETS_KEY = keyset<TTicketListItem>([
  { expr: "t.updated_at", dir: "desc", cast: "timestamptz", of: (r) => r.updatedAt },
  { expr: "t.id", dir: "desc", cast: "uuid", of: (r) => r.id },
]);

export async function listTeamTickets(
  orgId: string,
  teamId: string,
  page: { state?: TTicketState | "closed"; cursor?: string; limit: number; lenient?: boolean },
): Promise<TKeysetPage<TTicketListItem>> {
  const cursor = TICKETS_KEY.read(page.cursor, { lenient: page.lenient });
  const params: unknown[] = [];
  const where = [`t.org_id = ${param(params, orgId, "uuid")}`, `t.team_id = ${param(params, teamId, "uuid")}`];
  if (page.state === "closed") where.push(`t.state IN ('done', 'wont_do')`);
  else if (page.state) where.push(`t.state = ${param(params, page.state, "ticket_state")}`);
  if (cursor) where.push(TICKETS_KEY.where(cursor, params));
  const { rows } = await pool.query<TTicketRow>(
    `SELECT ${TICKET_COLUMNS} FROM tickets t WHERE ${where.join(" AND ")}
      ORDER BY ${TICKETS_KEY.orderBy(cursor)} LIMIT ${param(params, page.limit + 1)}`,
    params,
  );
  return TICKETS_KEY.page(rows.map(listItemOf), page.limit, cursor);
}

export type TTicketDetail = TTicketListItem & {
  subject: TTicketSubject;
  team: { id: string; slug: string; name: string } | null;
  connection: { id: string; name: string; kind: string; status: string } | null;
  /** Findings the ticket covers, and those of them open now. */
  findingCount: number;
  openFindingCount: number;
  closedAt: Date | null;
};

export async function getTicket(orgId: string, ticketId: string): Promise<TTicketDetail | null> {
  const { rows } = await pool.query<
    TTicketRow & {
      team_slug: string | null;
      team_name: string | null;
      c_name: string | null;
      c_kind: string | null;
      c_status: string | null;
      finding_count: number;
      open_finding_count: number;
    }
  >(
    `SELECT ${TICKET_COLUMNS}, tm.slug AS team_slug, tm.name AS team_name, c.name AS c_name, c.kind::text AS c_kind,
            c.status::text AS c_status,
            (SELECT count(*)::int FROM ticket_findings tf WHERE tf.ticket_id = t.id) AS finding_count,
            (SELECT count(*)::int FROM ticket_findings tf JOIN findings f ON f.id = tf.finding_id
              WHERE tf.ticket_id = t.id AND f.status = 'open') AS open_finding_count
       FROM tickets t
       LEFT JOIN teams tm ON tm.id = t.team_id
       LEFT JOIN notification_connections c ON c.id = t.connection_id
      WHERE t.id = $1::uuid AND t.org_id = $2::uuid`,
    [ticketId, orgId],
  );
  const t = rows[0];
  if (!t) return null;
  return {
    ...listItemOf(t),
    subject: t.subject,
    team: t.team_id && t.team_slug ? { id: t.team_id, slug: t.team_slug, name: t.team_name ?? "" } : null,
    connection: t.connection_id
      ? { id: t.connection_id, name: t.c_name ?? "", kind: t.c_kind ?? "", status: t.c_status ?? "" }
      : null,
    findingCount: t.finding_count,
    openFindingCount: t.open_finding_count,
    closedAt: t.closed_at,
  };
}

/** A sync log entry as written (sync/sync-log.ts), with its id and time. */
export type TTicketSyncLogRow = Omit<TSyncLogEntry, "orgId" | "detail"> & {
  id: string;
  detail: Record<string, unknown> | null;
  createdAt: Date;
};

// Newest first.
const SYNC_LOG_KEY = keyset<TTicketSyncLogRow>([{ expr: "l.id", dir: "desc", cast: "bigint", of: (r) => r.id }]);

/** A ticket's or a connection's sync log (or the org's, with neither). */
export async function listTicketSyncLog(
  orgId: string,
  of: { ticketId?: string; connectionId?: string },
  page: { cursor?: string; limit: number; lenient?: boolean },
): Promise<TKeysetPage<TTicketSyncLogRow>> {
  const cursor = SYNC_LOG_KEY.read(page.cursor, { lenient: page.lenient });
  const params: unknown[] = [];
  const where = [`l.org_id = ${param(params, orgId, "uuid")}`];
  if (of.ticketId) where.push(`l.ticket_id = ${param(params, of.ticketId, "uuid")}`);
  if (of.connectionId) where.push(`l.connection_id = ${param(params, of.connectionId, "uuid")}`);
  if (cursor) where.push(SYNC_LOG_KEY.where(cursor, params));
  const { rows } = await pool.query<TTicketSyncLogRow>(
    `SELECT l.id::text AS id, l.ticket_id AS "ticketId", l.connection_id AS "connectionId", l.direction, l.action, l.ok,
            l.status, l.summary, l.detail, l.created_at AS "createdAt"
       FROM ticket_sync_log l WHERE ${where.join(" AND ")}
      ORDER BY ${SYNC_LOG_KEY.orderBy(cursor)} LIMIT ${param(params, page.limit + 1)}`,
    params,
  );
  return SYNC_LOG_KEY.page(rows, page.limit, cursor);
}

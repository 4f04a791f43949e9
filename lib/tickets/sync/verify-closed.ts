import "server-only";
import type pg from "pg";
import { stillFailingComment } from "./comments";
import type { TTicketCallRow } from "./enqueue";
import { callRowOf, EFFECTIVE_PROJECT_JOIN, TICKET_TARGET_COLUMNS, type TTicketTarget } from "./ticket-target";

// A ticket closed as done resolves its open findings as `ticket_closed`; the next report of their
// cluster is the check. An open finding is by definition in the latest applied report of its
// cluster and source (lib/ingest/process/apply-findings.ts), and its last_seen_at is not rewritten
// while it stays open, so "seen again" is: still open in this source and cluster, in a report
// received after the resolution. Those are still failing: their resolution is cleared and the
// ticket is reopened (project setting `reopen_when_still_failing`) or commented on.

export type TVerifyContext = { orgId: string; clusterId: string; reportId: string; source: string; now: Date };

export type TVerified = {
  calls: TTicketCallRow[];
  /** Tickets this step spoke to: the report's other transitions leave them alone. */
  ticketIds: string[];
  /** Findings whose resolution was cleared (for the alert groups). */
  unresolvedIds: string[];
};

type TRow = TTicketTarget & { n: number; ids: string[]; reopen: boolean; closed_at: Date | null; state: string };

export async function verifyClosedTickets(client: pg.ClientBase, ctx: TVerifyContext): Promise<TVerified> {
  const { rows } = await client.query<TRow>(
    `WITH candidates AS (
       -- A finding on several closed tickets is counted on the one closed last.
       SELECT DISTINCT ON (f.id) f.id AS finding_id, t.id AS ticket_id, t.external_key
         FROM findings f
         JOIN ticket_findings tf ON tf.finding_id = f.id AND tf.org_id = $1
         JOIN tickets t ON t.id = tf.ticket_id AND t.org_id = $1
        WHERE f.org_id = $1 AND f.cluster_id = $2 AND f.source = $3 AND f.status = 'open'
          AND f.resolution = 'ticket_closed' AND f.resolved_at < $4::timestamptz
        ORDER BY f.id, (t.state = 'done') DESC, t.closed_at DESC NULLS LAST
     ), cleared AS (
       UPDATE findings f SET resolution = NULL, resolution_reason = NULL, resolved_at = NULL, resolved_by_id = NULL,
              updated_at = $4
         FROM candidates c
        WHERE f.id = c.finding_id
       RETURNING f.id, f.org_id, c.ticket_id, c.external_key
     ), events AS (
       INSERT INTO finding_events (org_id, finding_id, kind, report_id, created_at, data)
       SELECT org_id, id, 'unresolved', $5::uuid, $4,
              jsonb_build_object('reason', 'still failing after ' || COALESCE(external_key, 'its ticket') || ' was closed',
                                 'previousResolution', 'ticket_closed')
         FROM cleared
     ), per_ticket AS (
       SELECT ticket_id, count(*)::int AS n, array_agg(id ORDER BY id) AS ids FROM cleared GROUP BY ticket_id
     ), decided AS (
       SELECT t.id, pt.n, pt.ids, COALESCE(p.reopen_when_still_failing, true) AND t.state = 'done' AS reopen
         FROM per_ticket pt
         JOIN tickets t ON t.id = pt.ticket_id
         ${EFFECTIVE_PROJECT_JOIN}
     ), reopened AS (
       UPDATE tickets t SET state = 'open', closed_at = NULL, open_count = d.n, updated_at = now()
         FROM decided d
        WHERE t.id = d.id AND d.reopen AND t.connection_id IS NOT NULL
     )
     SELECT ${TICKET_TARGET_COLUMNS}, d.n, d.ids, d.reopen, t.closed_at, t.state::text AS state
       FROM decided d
       JOIN tickets t ON t.id = d.id
       LEFT JOIN notification_connections nc ON nc.id = t.connection_id`,
    [ctx.orgId, ctx.clusterId, ctx.source, ctx.now, ctx.reportId],
  );
  const calls: TTicketCallRow[] = [];
  for (const r of rows) {
    // Only a ticket that is closed as done (and still has its connection) hears about it.
    if (!r.connection_id || r.state !== "done") continue;
    const body = stillFailingComment(r.provider, r.closed_at ?? ctx.now, ctx.now, r.n);
    calls.push(callRowOf(r, r.reopen ? { op: "transition", to: "reopen", comment: body } : { op: "comment", body }));
  }
  return { calls, ticketIds: rows.map((r) => r.ticket_id), unresolvedIds: rows.flatMap((r) => r.ids) };
}

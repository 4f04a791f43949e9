import "server-only";
import type pg from "pg";
import { alertOnFindingsTriaged } from "@/lib/alerting/hooks";
import { sqlOf } from "@/lib/alerting/engine/sql";
import { FINDING_SOURCES } from "@/lib/ingest/process/parse-report";
import { fixedComment, grewComment, LISTED_RESOURCES, regressedComment } from "./comments";
import { enqueueTicketCalls, type TTicketCallRow } from "./enqueue";
import { callRowOf, TICKET_TARGET_COLUMNS, type TTicketTarget } from "./ticket-target";
import { verifyClosedTickets, type TVerifyContext } from "./verify-closed";

// What a processed report changes on tickets, in the report's transaction. Set-based throughout:
// a report can move a thousand tickets, and that is four statements and one outbox insert, never a
// query per ticket. Tickets still being created get new findings but no calls (their create is
// pending; the next report after it compares against what it said).

/** Growth comments are at most this often per ticket (the skipped growth is in the next one). */
const GROWTH_COMMENT_GAP = "1 hour";

/** A check's or a CVE's ticket gains the report's open findings of its team that match it. */
async function growMembership(client: pg.ClientBase, ctx: TVerifyContext): Promise<void> {
  await client.query(
    `INSERT INTO ticket_findings (org_id, ticket_id, finding_id, added_at)
     SELECT $1, t.id, f.id, $4::timestamptz
       FROM tickets t
       JOIN findings f ON f.org_id = $1 AND f.cluster_id = $2 AND f.source = $3 AND f.status = 'open'
                      AND f.owner_team_id = t.team_id
      WHERE t.org_id = $1 AND t.state IN ('open', 'creating')
        AND ((t.subject->>'kind' = 'check' AND t.subject->>'source' = f.source AND t.subject->>'checkId' = f.check_id
              AND (t.subject->>'clusterId' IS NULL OR t.subject->>'clusterId' = $2::text))
          OR (t.subject->>'kind' = 'cve' AND f.vulnerability_id <> '' AND t.subject->>'vulnerabilityId' = f.vulnerability_id))
     ON CONFLICT DO NOTHING`,
    [ctx.orgId, ctx.clusterId, ctx.source, ctx.now],
  );
}

type TMove = TTicketTarget & {
  action: "done" | "reopen" | "grew";
  open_now: number;
  affected: number;
  previous_open: number;
  resources: string[];
};

/**
 * Tickets with findings in the report's cluster and source: open findings now (open, no
 * resolution; a snoozed one counts) against what the ticket was last told (`open_count`). The
 * state written is the one the call will bring, so the next report does not ask again; the
 * sender stores the provider's own answer.
 */
async function moveTickets(client: pg.ClientBase, ctx: TVerifyContext, skip: string[]): Promise<TMove[]> {
  const { rows } = await client.query<TMove>(
    `WITH touched AS (
       SELECT DISTINCT tf.ticket_id AS id
         FROM findings f JOIN ticket_findings tf ON tf.finding_id = f.id AND tf.org_id = $1
        WHERE f.org_id = $1 AND f.cluster_id = $2 AND f.source = $3
     ), counts AS (
       SELECT t.id, t.state, t.open_count, t.last_growth_comment_at,
              count(*) FILTER (WHERE f.status = 'open' AND f.resolution IS NULL)::int AS open_now,
              count(*) FILTER (WHERE f.status <> 'open')::int AS gone,
              count(*)::int AS affected
         FROM touched JOIN tickets t ON t.id = touched.id AND t.org_id = $1
         JOIN ticket_findings tf ON tf.ticket_id = t.id
         JOIN findings f ON f.id = tf.finding_id
        WHERE t.state IN ('open', 'done', 'wont_do')
        GROUP BY t.id
     ), decided AS (
       SELECT c.*,
              CASE
                WHEN c.id = ANY($5::uuid[]) THEN 'none'
                -- Done when reports show it gone; all of it resolved as won't fix in Bumpers is not
                -- "fixed" (those resolutions were commented on the ticket when they were made).
                WHEN c.state = 'open' AND c.open_now = 0 AND c.open_count > 0 AND c.gone > 0 THEN 'done'
                WHEN c.state IN ('done', 'wont_do') AND c.open_now > 0 AND c.open_count = 0 THEN 'reopen'
                WHEN c.state = 'open' AND c.open_now > c.open_count
                 AND (c.last_growth_comment_at IS NULL OR c.last_growth_comment_at <= $4::timestamptz - $6::interval) THEN 'grew'
                -- Grew again within the hour: open_count stays, so the next comment has the whole change.
                WHEN c.state = 'open' AND c.open_now > c.open_count THEN 'grew_quietly'
                ELSE 'none'
              END AS action
         FROM counts c
     ), updated AS (
       UPDATE tickets t SET
              open_count = CASE WHEN d.action = 'grew_quietly' THEN t.open_count ELSE d.open_now END,
              affected_count = d.affected,
              state = CASE d.action WHEN 'done' THEN 'done' WHEN 'reopen' THEN 'open' ELSE t.state END,
              closed_at = CASE d.action WHEN 'done' THEN $4::timestamptz WHEN 'reopen' THEN NULL ELSE t.closed_at END,
              last_growth_comment_at = CASE WHEN d.action = 'grew' THEN $4::timestamptz ELSE t.last_growth_comment_at END,
              updated_at = now()
         FROM decided d
        WHERE t.id = d.id
          AND (d.action NOT IN ('none', 'grew_quietly') OR t.open_count <> d.open_now OR t.affected_count <> d.affected)
       RETURNING t.id
     )
     SELECT ${TICKET_TARGET_COLUMNS}, d.action, d.open_now, d.affected, d.open_count AS previous_open,
            CASE WHEN d.action = 'done' THEN ARRAY(
              SELECT DISTINCT concat_ws('/', NULLIF(f.namespace, ''), f.kind, f.name) AS resource
                FROM ticket_findings tf JOIN findings f ON f.id = tf.finding_id
               WHERE tf.ticket_id = t.id ORDER BY resource LIMIT ${LISTED_RESOURCES})
            ELSE '{}' END AS resources
       FROM decided d
       JOIN updated u ON u.id = d.id
       JOIN tickets t ON t.id = d.id
       JOIN notification_connections nc ON nc.id = t.connection_id
      WHERE d.action IN ('done', 'reopen', 'grew')`,
    [ctx.orgId, ctx.clusterId, ctx.source, ctx.now, skip, GROWTH_COMMENT_GAP],
  );
  return rows;
}

function callOf(move: TMove, reportAt: Date): TTicketCallRow {
  switch (move.action) {
    case "done":
      return callRowOf(move, {
        op: "transition",
        to: "done",
        comment: fixedComment(move.affected, move.resources),
      });
    case "reopen":
      return callRowOf(move, { op: "transition", to: "reopen", comment: regressedComment(move.open_now, reportAt) });
    case "grew":
      return callRowOf(move, { op: "comment", body: grewComment(move.open_now - move.previous_open, move.open_now) });
  }
}

/** Called by the worker right after alertOnReportProcessed, in the report's transaction. */
export async function ticketsOnReportProcessed(client: pg.ClientBase, ctx: TVerifyContext): Promise<void> {
  if (!(FINDING_SOURCES as readonly string[]).includes(ctx.source)) return;
  await growMembership(client, ctx);
  const verified = await verifyClosedTickets(client, ctx);
  const moves = await moveTickets(client, ctx, verified.ticketIds);
  await enqueueTicketCalls(sqlOf(client), ctx.orgId, [...verified.calls, ...moves.map((m) => callOf(m, ctx.now))]);
  // Findings whose ticket_closed resolution was cleared page again (their groups refire).
  await alertOnFindingsTriaged(client, ctx.orgId, verified.unresolvedIds);
}

import "server-only";
import type pg from "pg";
import { alertOnFindingsTriaged } from "@/lib/alerting/hooks";
import type { TInboundTicketEvent } from "../provider";
import { EFFECTIVE_PROJECT_JOIN } from "./ticket-target";

// What a Jira / GitHub webhook changes in Bumpers, applied in one transaction per delivery:
// the delivery id is recorded first (a retry or a replay changes nothing), then each event is
// applied to the ticket it names, within the connection's org only. A change made by the
// connection's own account, or one that matches the state Bumpers already holds, is Bumpers' own
// change coming back: it is logged and nothing else happens, so nothing echoes back and forth.

/** The connection a delivery came in on (looked up by the route; everything is keyed by its org). */
export type TInboundConnection = { id: string; orgId: string; identityId: string | null };

type TTicket = { id: string; state: string; key: string; comments_as_notes: boolean };

/** At most this many findings get a note per comment (a ticket can cover thousands). */
export const NOTES_PER_COMMENT = 100;

async function log(
  client: pg.ClientBase | pg.Pool,
  connection: TInboundConnection,
  ticketId: string | null,
  action: string,
  summary: string,
  detail: Record<string, unknown>,
  ok = true,
) {
  await client.query(
    `INSERT INTO ticket_sync_log (org_id, ticket_id, connection_id, direction, action, ok, summary, detail)
     VALUES ($1, $2, $3, 'in', $4, $5, $6, $7)`,
    [connection.orgId, ticketId, connection.id, action, ok, summary, JSON.stringify(detail)],
  );
}

/** A delivery refused for its signature or secret: logged on the connection, without its body. */
export async function logRefusedDelivery(
  client: pg.Pool | pg.ClientBase,
  connection: TInboundConnection,
  reason: string,
) {
  await log(client, connection, null, "refused", `A webhook delivery was refused: ${reason}`, {}, false);
}

/** Resolves the ticket's linked findings that are still open and unresolved; returns their ids. */
async function resolveLinked(
  client: pg.ClientBase,
  orgId: string,
  ticket: TTicket,
  resolution: string,
  reason: string,
) {
  const { rows } = await client.query<{ id: string }>(
    `WITH changed AS (
       UPDATE findings f SET resolution = $3::text::finding_resolution, resolution_reason = $4, resolved_at = now(),
              resolved_by_id = NULL, snoozed_until = NULL, updated_at = now()
         FROM ticket_findings tf
        WHERE tf.ticket_id = $2 AND tf.org_id = $1 AND f.id = tf.finding_id AND f.org_id = $1
          AND f.status = 'open' AND f.resolution IS NULL
       RETURNING f.id, f.org_id
     )
     INSERT INTO finding_events (org_id, finding_id, kind, data)
     SELECT org_id, id, 'resolved',
            jsonb_build_object('resolution', $3::text, 'reason', $4::text, 'ticket', $5::text, 'actorLabel', $5::text)
       FROM changed
     RETURNING finding_id AS id`,
    [orgId, ticket.id, resolution, reason, ticket.key],
  );
  return rows.map((r) => r.id);
}

/** Clears the resolutions this ticket gave (ticket_closed, or won't fix with its own reason). */
async function unresolveLinked(client: pg.ClientBase, orgId: string, ticket: TTicket) {
  const { rows } = await client.query<{ id: string }>(
    `WITH changed AS (
       UPDATE findings f SET resolution = NULL, resolution_reason = NULL, resolved_at = NULL, resolved_by_id = NULL,
              updated_at = now()
         FROM ticket_findings tf, findings old
        WHERE tf.ticket_id = $2 AND tf.org_id = $1 AND f.id = tf.finding_id AND old.id = f.id AND f.org_id = $1
          AND (old.resolution = 'ticket_closed' OR (old.resolution = 'will_not_fix' AND old.resolution_reason = $3))
       RETURNING f.id, f.org_id, old.resolution::text AS previous, old.resolution_reason AS previous_reason
     )
     INSERT INTO finding_events (org_id, finding_id, kind, data)
     SELECT org_id, id, 'unresolved',
            jsonb_build_object('previousResolution', previous, 'previousReason', previous_reason,
                               'reason', $4::text || ' was reopened', 'ticket', $4::text, 'actorLabel', $4::text)
       FROM changed
     RETURNING finding_id AS id`,
    [orgId, ticket.id, wontDoReason(ticket.key), ticket.key],
  );
  return rows.map((r) => r.id);
}

const doneReason = (key: string) => `Closed as done in ${key}`;
const wontDoReason = (key: string) => `Closed as won't do in ${key}`;

/** Moves the ticket and recounts its open findings after its findings changed. */
async function setTicketState(client: pg.ClientBase, ticket: TTicket, event: TInboundTicketEvent) {
  await client.query(
    `UPDATE tickets t SET state = $2::text::ticket_state, provider_status = COALESCE($3, t.provider_status),
            closed_at = CASE WHEN $2 = 'open' THEN NULL ELSE now() END,
            open_count = (SELECT count(*)::int FROM ticket_findings tf JOIN findings f ON f.id = tf.finding_id
                           WHERE tf.ticket_id = t.id AND f.status = 'open' AND f.resolution IS NULL),
            updated_at = now()
      WHERE t.id = $1`,
    [ticket.id, event.state, event.status ?? null],
  );
}

async function noteComment(client: pg.ClientBase, orgId: string, ticket: TTicket, event: TInboundTicketEvent) {
  const { rowCount } = await client.query(
    `INSERT INTO finding_events (org_id, finding_id, kind, data)
     SELECT $1, f.id, 'commented',
            jsonb_build_object('text', $3::text, 'ticket', $4::text, 'author', $5::text, 'actorLabel', $5::text)
       FROM ticket_findings tf JOIN findings f ON f.id = tf.finding_id AND f.org_id = $1
      WHERE tf.ticket_id = $2 AND tf.org_id = $1 AND f.status = 'open'
      ORDER BY f.id LIMIT ${NOTES_PER_COMMENT}`,
    [orgId, ticket.id, event.comment?.text ?? "", ticket.key, event.actor.name],
  );
  return rowCount ?? 0;
}

/** Applies one event; returns the findings whose triage changed and a summary for the log, or null when nothing applied. */
async function applyEvent(
  client: pg.ClientBase,
  connection: TInboundConnection,
  ticket: TTicket,
  event: TInboundTicketEvent,
): Promise<{ changedIds: string[]; summary: string } | null> {
  if (event.kind === "comment") {
    if (!ticket.comments_as_notes) return null;
    const n = await noteComment(client, connection.orgId, ticket, event);
    return { changedIds: [], summary: `Comment by ${event.actor.name} added as a note on ${n} findings` };
  }
  if (!event.state) return null;
  const changedIds =
    event.state === "done"
      ? await resolveLinked(client, connection.orgId, ticket, "ticket_closed", doneReason(ticket.key))
      : event.state === "wont_do"
        ? await resolveLinked(client, connection.orgId, ticket, "will_not_fix", wontDoReason(ticket.key))
        : await unresolveLinked(client, connection.orgId, ticket);
  await setTicketState(client, ticket, event);
  const verb = { done: "resolved", wont_do: "resolved as will not fix", open: "unresolved" }[event.state];
  return {
    changedIds,
    summary: `Moved to ${event.state} by ${event.actor.name}: ${changedIds.length} findings ${verb}`,
  };
}

async function ticketOf(client: pg.ClientBase, connection: TInboundConnection, externalId: string) {
  const { rows } = await client.query<TTicket>(
    `SELECT t.id, t.state::text AS state, COALESCE(t.external_key, t.title) AS key,
            COALESCE(p.comments_as_notes, false) AS comments_as_notes
       FROM tickets t
       ${EFFECTIVE_PROJECT_JOIN}
      WHERE t.org_id = $1 AND t.connection_id = $2 AND t.external_id = $3
      FOR UPDATE OF t`,
    [connection.orgId, connection.id, externalId],
  );
  return rows[0] ?? null;
}

export type TInboundResult = { duplicate: true } | { applied: number };

/** Applies a verified delivery's events in the caller's transaction. */
export async function applyInboundEvents(
  client: pg.ClientBase,
  connection: TInboundConnection,
  deliveryId: string,
  events: readonly TInboundTicketEvent[],
): Promise<TInboundResult> {
  const first = await client.query(
    `INSERT INTO ticket_webhook_deliveries (connection_id, delivery_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
    [connection.id, deliveryId],
  );
  if (!first.rowCount) return { duplicate: true };
  let applied = 0;
  const changedIds: string[] = [];
  for (const event of events) {
    const detail = { deliveryId, key: event.key, kind: event.kind, state: event.state ?? null, actor: event.actor };
    const ticket = await ticketOf(client, connection, event.externalId);
    if (!ticket) {
      await log(client, connection, null, event.kind, `${event.key}: not a Bumpers ticket`, detail);
      continue;
    }
    const own = !!connection.identityId && event.actor.id === connection.identityId;
    if (own || (event.kind === "state" && event.state === ticket.state)) {
      const why = own ? "made by Bumpers' own account" : `already ${ticket.state} in Bumpers`;
      await log(client, connection, ticket.id, event.kind, `${event.key}: change ${why}, nothing to apply`, detail);
      continue;
    }
    const result = await applyEvent(client, connection, ticket, event);
    if (!result) {
      await log(client, connection, ticket.id, event.kind, `${event.key}: nothing to apply`, detail);
      continue;
    }
    applied++;
    changedIds.push(...result.changedIds);
    await log(client, connection, ticket.id, event.state ?? event.kind, `${event.key}: ${result.summary}`, {
      ...detail,
      findings: result.changedIds.length,
    });
  }
  // Alert groups (PagerDuty, notifications) follow the findings the tickets resolved or reopened.
  await alertOnFindingsTriaged(client, connection.orgId, changedIds);
  return { applied };
}

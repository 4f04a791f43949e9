import "server-only";
import { wakeDelivery } from "@/lib/alerting/engine/write";
import type { TSql } from "@/lib/alerting/engine/sql";
import type { TTicketDoc } from "../document";
import type { TTransitionTarget } from "../provider";

// Calls to a ticket provider go through the same outbox as PagerDuty events and messages
// (alert_events, channel jira/github, action 'ticket'), written in the transaction that decided
// them: a crash never loses the intent, and a refusal is kept with the provider's words. One
// ticket's calls go out in order (the claim query waits on older pending rows of the same ticket).

/** What one outbox row asks of the provider. */
export type TTicketCall =
  /** Create the issue (after looking for one with the problem's marker label: an earlier answer may have been lost). */
  | { op: "create" }
  | { op: "comment"; body: TTicketDoc }
  | { op: "transition"; to: TTransitionTarget; comment?: TTicketDoc };

export type TTicketCallRow = {
  ticketId: string;
  teamId: string | null;
  connectionId: string;
  /** Shown in the delivery log. */
  connectionName: string;
  provider: "jira" | "github";
  /** The ticket's key when known ("PAY-12"), for the delivery log. */
  target: string;
  call: TTicketCall;
  /** Not before (a 429's Retry-After). */
  notBefore?: Date;
  /** Overrides the connection's own pace (its `settings.pacePerMinute`, e.g. a Jira site with a higher quota; else the default below). */
  pacePerMinute?: number | null;
};

/**
 * Jira Cloud and GitHub both throttle writes per account (GitHub: about 80 content-creating
 * requests a minute); a connection's calls are paced under that, and a 429's Retry-After wins.
 */
export const TICKET_CALLS_PER_MINUTE = 60;

/** The pacing key of a connection's calls. */
export const ticketPaceKeyOf = (connectionId: string) => `tickets:${connectionId}`;

/** Writes the calls in the caller's transaction (one statement whatever their number) and wakes the worker. */
export async function enqueueTicketCalls(sql: TSql, orgId: string, calls: readonly TTicketCallRow[]): Promise<void> {
  if (!calls.length) return;
  const rows = calls.map((c, i) => ({
    ticket_id: c.ticketId,
    team_id: c.teamId,
    connection_id: c.connectionId,
    name: c.connectionName,
    channel: c.provider,
    target: c.target,
    pace_key: ticketPaceKeyOf(c.connectionId),
    dedup_key: `${c.ticketId}:${c.call.op}:${Date.now()}:${i}`,
    call: c.call,
    not_before: (c.notBefore ?? new Date()).toISOString(),
    pace: c.pacePerMinute ?? null,
  }));
  await sql.query(
    `INSERT INTO alert_events (org_id, team_id, destination_id, destination_name, key_fingerprint, action, dedup_key,
                               payload, channel, connection_id, target, pace_per_minute, ticket_id, next_attempt_at)
     SELECT $1::uuid, (e.j->>'team_id')::uuid, (e.j->>'connection_id')::uuid, e.j->>'name', e.j->>'pace_key', 'ticket',
            e.j->>'dedup_key', e.j->'call', (e.j->>'channel')::outbox_channel, (e.j->>'connection_id')::uuid,
            e.j->>'target', coalesce((e.j->>'pace')::int, (nc.settings->>'pacePerMinute')::int, $3::int),
            (e.j->>'ticket_id')::uuid, (e.j->>'not_before')::timestamptz
       FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS e(j, n)
       LEFT JOIN notification_connections nc ON nc.id = (e.j->>'connection_id')::uuid
      ORDER BY e.n`,
    [orgId, JSON.stringify(rows), TICKET_CALLS_PER_MINUTE],
  );
  await wakeDelivery(sql, orgId);
}

import "server-only";
import { pool } from "@/lib/server/db";
import { openRoutingKey } from "../destinations/routing-key";
import type { TEventBody } from "../engine/payload";
import { sqlOf } from "../engine/sql";
import { sendEvent } from "../pagerduty/send-event";
import type { TDeliveryOutcome } from "./outcome";
import { backoffMs, MAX_ATTEMPTS } from "./backoff";
import { BURST, EVENTS_PER_MINUTE, takeRateToken } from "./rate-limit";

// The outbox worker's one step: claim due events with a lease, pace them per routing key, send,
// record PagerDuty's answer. Claims are plain row updates (no transaction is held during the
// HTTP call), so a worker killed between claim and send leaves the event to whoever claims it
// after the lease; a second send of the same event is harmless (same dedup key).

export const LEASE_MS = 60_000;

export type TDeliveryOptions = {
  /** Events claimed per step (default 50; at most a burst of them per routing key). */
  limit?: number;
  leaseMs?: number;
  /** The clock (tests move it forward instead of waiting). */
  now?: Date;
  /** Events API enqueue URL; default from PAGERDUTY_EVENTS_URL. */
  url?: string;
  timeoutMs?: number;
  perMinute?: number;
  burst?: number;
  /** Only this org's events (tests, and a worker dedicated to one tenant). */
  orgId?: string;
  /** For tests: 0..1 instead of Math.random() in the backoff jitter. */
  random?: () => number;
  /**
   * Sends a message row (Slack, Teams, email, webhook): the worker passes the notifications
   * feature's sender (lib/notifications/delivery), which this module does not import.
   */
  sendMessage?: (event: TClaimedEvent) => Promise<TDeliveryOutcome>;
  /** Makes a ticket call (Jira, GitHub): the worker passes lib/tickets' sender. */
  sendTicketCall?: (event: TClaimedEvent) => Promise<TDeliveryOutcome>;
};

export type TClaimedEvent = {
  id: string;
  orgId: string;
  groupId: string | null;
  destinationId: string;
  /** PagerDuty only. */
  routingKeyCiphertext: string | null;
  keyFingerprint: string;
  attempts: number;
  channel: "pagerduty" | "slack" | "slack_webhook" | "teams" | "email" | "webhook" | "jira" | "github";
  connectionId: string | null;
  /** Where in the connection: a Slack channel id, email addresses, or "". */
  target: string | null;
  threadKey: string | null;
  pacePerMinute: number | null;
  /** Ticket calls: the ticket they are for. */
  ticketId: string | null;
  /** The Events API body (PagerDuty), or the neutral message (lib/domain/notification-events.ts). */
  payload: TEventBody | Record<string, unknown>;
};

export type TDeliveryStep = { claimed: number; delivered: number; failed: number; retried: number; throttled: number };

/**
 * Claims up to `limit` due events. Within a group and destination only the oldest pending event
 * is due, so a resolve never overtakes its trigger.
 */
export async function claimDueEvents(options: TDeliveryOptions = {}): Promise<TClaimedEvent[]> {
  const { rows } = await pool.query<{
    id: string;
    org_id: string;
    group_id: string | null;
    destination_id: string;
    routing_key_ciphertext: string | null;
    key_fingerprint: string;
    attempts: number;
    channel: TClaimedEvent["channel"];
    connection_id: string | null;
    target: string | null;
    thread_key: string | null;
    pace_per_minute: number | null;
    ticket_id: string | null;
    payload: TClaimedEvent["payload"];
  }>(
    // A batch takes no more events of a key than its pacing allows right now (none when it has no
    // room), so a backlog on one service neither crowds out the others nor churns through claims.
    // (FOR UPDATE cannot sit next to a window function, hence the two steps.)
    `WITH candidates AS (
       SELECT id FROM (
         SELECT e.id, row_number() OVER (PARTITION BY e.key_fingerprint ORDER BY e.id) AS n,
                -- Events the key's pacing allows right now (GCRA: burst minus what is ahead of now),
                -- at the row's own pace (messages) or PagerDuty's.
                floor(extract(epoch FROM ($1::timestamptz + $4::int * p.ms * interval '1 millisecond'
                                          - greatest(coalesce(l.tat, $1::timestamptz), $1::timestamptz))) * 1000 / p.ms
                ) AS room
           FROM alert_events e
           LEFT JOIN alert_rate_limits l ON l.key_fingerprint = e.key_fingerprint
           CROSS JOIN LATERAL (SELECT 60000.0 / coalesce(e.pace_per_minute, $5::float8) AS ms) p
          WHERE e.status = 'pending' AND e.next_attempt_at <= $1::timestamptz
            AND (e.lease_until IS NULL OR e.lease_until <= $1::timestamptz)
            AND ($6::uuid IS NULL OR e.org_id = $6::uuid)
            AND NOT EXISTS (
                  SELECT 1 FROM alert_events p
                   WHERE p.group_id = e.group_id AND p.destination_id = e.destination_id
                     AND p.status = 'pending' AND p.id < e.id)
            -- A ticket's calls in order too: its comment never overtakes its creation.
            AND NOT EXISTS (
                  SELECT 1 FROM alert_events p
                   WHERE p.ticket_id = e.ticket_id AND p.status = 'pending' AND p.id < e.id)
       ) ranked
        WHERE n <= room
        ORDER BY id
        LIMIT $2
     ), due AS (
       SELECT id FROM alert_events WHERE id IN (SELECT id FROM candidates) ORDER BY id FOR UPDATE SKIP LOCKED
     )
     UPDATE alert_events e
        SET lease_until = $1::timestamptz + $3 * interval '1 millisecond', attempts = e.attempts + 1,
            last_attempt_at = $1::timestamptz
       FROM due WHERE e.id = due.id
     RETURNING e.id::text AS id, e.org_id, e.group_id, e.destination_id, e.routing_key_ciphertext, e.key_fingerprint,
               e.attempts, e.channel::text AS channel, e.connection_id, e.target, e.thread_key, e.pace_per_minute, e.ticket_id,
               e.payload`,
    [
      options.now ?? new Date(),
      options.limit ?? 50,
      options.leaseMs ?? LEASE_MS,
      options.burst ?? BURST,
      // PagerDuty's pace (messages carry their own).
      options.perMinute ?? EVENTS_PER_MINUTE,
      options.orgId ?? null,
    ],
  );
  return rows
    .sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)))
    .map((r) => ({
      id: r.id,
      orgId: r.org_id,
      groupId: r.group_id,
      destinationId: r.destination_id,
      routingKeyCiphertext: r.routing_key_ciphertext,
      keyFingerprint: r.key_fingerprint,
      attempts: r.attempts,
      channel: r.channel,
      connectionId: r.connection_id,
      target: r.target,
      threadKey: r.thread_key,
      pacePerMinute: r.pace_per_minute,
      ticketId: r.ticket_id,
      payload: r.payload,
    }));
}

type TResult = "delivered" | "failed" | "retried" | "throttled";

async function record(event: TClaimedEvent, outcome: TDeliveryOutcome, options: TDeliveryOptions): Promise<TResult> {
  // `attempts` pins the claim: a worker whose lease ran out cannot overwrite a newer claim's result.
  const mine = [event.id, event.attempts];
  if (outcome.kind === "accepted") {
    await pool.query(
      `WITH e AS (
         UPDATE alert_events SET status = 'delivered', delivered_at = now(), lease_until = NULL,
                response_status = $3, response = $4::jsonb, error = NULL, provider_ref = $5
          WHERE id = $1::bigint AND attempts = $2 RETURNING destination_id)
       UPDATE alert_destinations d SET last_delivered_at = now() FROM e WHERE d.id = e.destination_id`,
      [...mine, outcome.status, JSON.stringify(outcome.response), outcome.providerRef ?? null],
    );
    return "delivered";
  }
  const giveUp = outcome.kind !== "retry" || event.attempts >= MAX_ATTEMPTS;
  if (giveUp) {
    const error =
      outcome.kind !== "retry" ? outcome.error : `Gave up after ${event.attempts} attempts: ${outcome.error}`;
    const shown = outcome.response ?? { message: error };
    await pool.query(
      `WITH e AS (
         UPDATE alert_events SET status = 'failed', lease_until = NULL, response_status = $3, response = $4::jsonb,
                error = $5
          WHERE id = $1::bigint AND attempts = $2 RETURNING destination_id)
       UPDATE alert_destinations d SET last_error_at = now(), last_error = $6::jsonb FROM e WHERE d.id = e.destination_id`,
      [...mine, outcome.status, JSON.stringify(outcome.response), error, JSON.stringify(shown)],
    );
    return "failed";
  }
  // The provider's Retry-After when it gave one (never sooner), else exponential backoff.
  const delay = Math.max(backoffMs(event.attempts, (options.random ?? Math.random)()), outcome.retryAfterMs ?? 0);
  await pool.query(
    `UPDATE alert_events SET lease_until = NULL, response_status = $3, response = $4::jsonb, error = $5,
            next_attempt_at = $6::timestamptz + $7 * interval '1 millisecond'
      WHERE id = $1::bigint AND attempts = $2`,
    [
      ...mine,
      outcome.status,
      outcome.response ? JSON.stringify(outcome.response) : null,
      outcome.error,
      options.now ?? new Date(),
      delay,
    ],
  );
  return "retried";
}

/** Sends one claimed event (pacing first) and records the answer. */
export async function deliverClaimedEvent(event: TClaimedEvent, options: TDeliveryOptions = {}): Promise<TResult> {
  const now = options.now ?? new Date();
  const rate = await takeRateToken(
    sqlOf(pool),
    event.keyFingerprint,
    now,
    event.pacePerMinute ?? options.perMinute,
    options.burst,
  );
  if (!rate.allowed) {
    // Not an attempt: handed back, due again when the key has room.
    await pool.query(
      `UPDATE alert_events SET lease_until = NULL, attempts = attempts - 1, next_attempt_at = $3
        WHERE id = $1::bigint AND attempts = $2`,
      [event.id, event.attempts, rate.retryAt],
    );
    return "throttled";
  }
  if (event.channel !== "pagerduty") {
    const ticketCall = event.channel === "jira" || event.channel === "github";
    const send = ticketCall ? options.sendTicketCall : options.sendMessage;
    const outcome: TDeliveryOutcome = send
      ? await send(event).catch((err: Error) => ({
          kind: "retry" as const,
          status: null,
          response: null,
          error: `Could not send: ${err.message}`,
        }))
      : {
          kind: "retry",
          status: null,
          response: null,
          error: `This process has no ${ticketCall ? "ticket" : "message"} sender.`,
        };
    return record(event, outcome, options);
  }
  let routingKey: string;
  try {
    routingKey = openRoutingKey(event.destinationId, event.routingKeyCiphertext ?? "");
  } catch (err) {
    return record(
      event,
      { kind: "rejected", status: 0, response: { message: (err as Error).message }, error: (err as Error).message },
      options,
    );
  }
  const outcome = await sendEvent(routingKey, event.payload as TEventBody, {
    url: options.url,
    timeoutMs: options.timeoutMs,
  });
  return record(event, outcome, options);
}

/** One step of the delivery loop: claim a batch and deliver it (keys in parallel, each key in order). */
export async function deliverDueEvents(options: TDeliveryOptions = {}): Promise<TDeliveryStep> {
  const claimed = await claimDueEvents(options);
  const step: TDeliveryStep = { claimed: claimed.length, delivered: 0, failed: 0, retried: 0, throttled: 0 };
  const byKey = new Map<string, TClaimedEvent[]>();
  for (const e of claimed) byKey.set(e.keyFingerprint, [...(byKey.get(e.keyFingerprint) ?? []), e]);
  await Promise.all(
    [...byKey.values()].map(async (events) => {
      for (const e of events) step[await deliverClaimedEvent(e, options)]++;
    }),
  );
  return step;
}

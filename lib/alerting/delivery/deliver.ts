import "server-only";
import { pool } from "@/lib/server/db";
import { openRoutingKey } from "../destinations/routing-key";
import type { TEventBody } from "../engine/payload";
import { sqlOf } from "../engine/sql";
import { sendEvent, type TSendOutcome } from "../pagerduty/send-event";
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
};

export type TClaimedEvent = {
  id: string;
  orgId: string;
  destinationId: string;
  routingKeyCiphertext: string;
  keyFingerprint: string;
  attempts: number;
  payload: TEventBody;
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
    destination_id: string;
    routing_key_ciphertext: string;
    key_fingerprint: string;
    attempts: number;
    payload: TEventBody;
  }>(
    // A batch takes no more events of a key than its pacing allows right now (none when it has no
    // room), so a backlog on one service neither crowds out the others nor churns through claims.
    // (FOR UPDATE cannot sit next to a window function, hence the two steps.)
    `WITH candidates AS (
       SELECT id FROM (
         SELECT e.id, row_number() OVER (PARTITION BY e.key_fingerprint ORDER BY e.id) AS n,
                -- Events the key's pacing allows right now (GCRA: burst minus what is ahead of now).
                floor(extract(epoch FROM ($1::timestamptz + $4::int * $5::float8 * interval '1 millisecond'
                                          - greatest(coalesce(l.tat, $1::timestamptz), $1::timestamptz))) * 1000 / $5::float8
                ) AS room
           FROM alert_events e
           LEFT JOIN alert_rate_limits l ON l.key_fingerprint = e.key_fingerprint
          WHERE e.status = 'pending' AND e.next_attempt_at <= $1::timestamptz
            AND (e.lease_until IS NULL OR e.lease_until <= $1::timestamptz)
            AND ($6::uuid IS NULL OR e.org_id = $6::uuid)
            AND NOT EXISTS (
                  SELECT 1 FROM alert_events p
                   WHERE p.group_id = e.group_id AND p.destination_id = e.destination_id
                     AND p.status = 'pending' AND p.id < e.id)
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
     RETURNING e.id::text AS id, e.org_id, e.destination_id, e.routing_key_ciphertext, e.key_fingerprint, e.attempts,
               e.payload`,
    [
      options.now ?? new Date(),
      options.limit ?? 50,
      options.leaseMs ?? LEASE_MS,
      options.burst ?? BURST,
      // The pacing's interval between events, in ms.
      60_000 / (options.perMinute ?? EVENTS_PER_MINUTE),
      options.orgId ?? null,
    ],
  );
  return rows
    .sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)))
    .map((r) => ({
      id: r.id,
      orgId: r.org_id,
      destinationId: r.destination_id,
      routingKeyCiphertext: r.routing_key_ciphertext,
      keyFingerprint: r.key_fingerprint,
      attempts: r.attempts,
      payload: r.payload,
    }));
}

type TResult = "delivered" | "failed" | "retried" | "throttled";

async function record(event: TClaimedEvent, outcome: TSendOutcome, options: TDeliveryOptions): Promise<TResult> {
  // `attempts` pins the claim: a worker whose lease ran out cannot overwrite a newer claim's result.
  const mine = [event.id, event.attempts];
  if (outcome.kind === "accepted") {
    await pool.query(
      `WITH e AS (
         UPDATE alert_events SET status = 'delivered', delivered_at = now(), lease_until = NULL,
                response_status = $3, response = $4::jsonb, error = NULL
          WHERE id = $1::bigint AND attempts = $2 RETURNING destination_id)
       UPDATE alert_destinations d SET last_delivered_at = now() FROM e WHERE d.id = e.destination_id`,
      [...mine, outcome.status, JSON.stringify(outcome.response)],
    );
    return "delivered";
  }
  const giveUp = outcome.kind === "rejected" || event.attempts >= MAX_ATTEMPTS;
  if (giveUp) {
    const error =
      outcome.kind === "rejected" ? outcome.error : `Gave up after ${event.attempts} attempts: ${outcome.error}`;
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
  const delay = backoffMs(event.attempts, (options.random ?? Math.random)());
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
  const rate = await takeRateToken(sqlOf(pool), event.keyFingerprint, now, options.perMinute, options.burst);
  if (!rate.allowed) {
    // Not an attempt: handed back, due again when the key has room.
    await pool.query(
      `UPDATE alert_events SET lease_until = NULL, attempts = attempts - 1, next_attempt_at = $3
        WHERE id = $1::bigint AND attempts = $2`,
      [event.id, event.attempts, rate.retryAt],
    );
    return "throttled";
  }
  let routingKey: string;
  try {
    routingKey = openRoutingKey(event.destinationId, event.routingKeyCiphertext);
  } catch (err) {
    return record(
      event,
      { kind: "rejected", status: 0, response: { message: (err as Error).message }, error: (err as Error).message },
      options,
    );
  }
  const outcome = await sendEvent(routingKey, event.payload, { url: options.url, timeoutMs: options.timeoutMs });
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

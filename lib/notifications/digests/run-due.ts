import "server-only";
import { randomUUID } from "node:crypto";
import type { PoolClient } from "pg";
import { PACE_PER_MINUTE } from "@/lib/alerting/engine/notify";
import { paceKeyOf } from "@/lib/alerting/engine/subscriptions";
import { ALERTS_CHANNEL } from "@/lib/alerting/engine/write";
import { canOrg, canTeam, effectiveTeamRole, type TOrgRole, type TTeamRole } from "@/lib/auth/permissions";
import { isUuid } from "@/lib/alerting/parse-input";
import { pool } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { inTransaction } from "@/lib/server/sql";
import { digestPeriodOf, nextDigestAt } from "../digest-schedule";
import { CONNECTION_KIND_NAMES, type TConnectionKind } from "../schemas";
import { computeDigests } from "./compute";
import type { TDigest, TDigestPayload } from "./types";

// The digest job: every minute, claims the digest subscriptions that are due (a batch at a time,
// skipping rows another worker holds), computes the digests of each org's due audiences with one
// statement per figure, and puts one message per subscription into the outbox that every channel
// delivers from. Queueing and rescheduling commit together, so a digest is queued exactly once.

export const DIGESTS_JOB = "send-digests";

// Large enough for an org of a few hundred teams to be one computation per figure.
const BATCH = 500;

export type TRunDueOptions = {
  /** The clock (tests move it). */
  now?: Date;
  /** Subscriptions claimed per transaction. */
  batch?: number;
  /** Only this org's subscriptions (tests, and a worker dedicated to one tenant). */
  orgId?: string;
  baseUrl?: string;
};

export type TRunDueResult = { queued: number; skipped: number; switchedOff: number };

type TDueRow = {
  id: string;
  org_id: string;
  team_id: string | null;
  user_id: string | null;
  name: string;
  connection_id: string | null;
  channel: TConnectionKind | null;
  target: string;
  target_label: string;
  digest_period: "daily" | "weekly" | null;
  digest_hour: number | null;
  digest_weekday: number | null;
  send_empty: boolean;
  next_digest_at: Date;
  time_zone: string | null;
  user_email: string | null;
  org_role: TOrgRole | null;
  team_role: TTeamRole | null;
};

const DUE_SELECT = `SELECT s.id, s.org_id, s.team_id, s.user_id, s.name, s.connection_id, c.kind::text AS channel, s.target,
            s.target_label, s.digest_period::text AS digest_period, s.digest_hour, s.digest_weekday, s.send_empty,
            s.next_digest_at, t.time_zone, u.email AS user_email, m.role::text AS org_role, tm.role::text AS team_role
       FROM notification_subscriptions s
       LEFT JOIN notification_connections c ON c.id = s.connection_id
       LEFT JOIN teams t ON t.id = s.team_id
       LEFT JOIN users u ON u.id = s.user_id
       LEFT JOIN memberships m ON m.org_id = s.org_id AND m.user_id = s.user_id
       LEFT JOIN team_memberships tm ON tm.team_id = s.team_id AND tm.user_id = s.user_id`;

async function claimDue(client: PoolClient, now: Date, batch: number, orgId: string | null): Promise<TDueRow[]> {
  const { rows } = await client.query<TDueRow>(
    `${DUE_SELECT}
      WHERE s.kind = 'digest' AND s.enabled AND s.next_digest_at <= $1
        AND ($3::uuid IS NULL OR s.org_id = $3::uuid)
      ORDER BY s.next_digest_at, s.id
      LIMIT $2
        FOR UPDATE OF s SKIP LOCKED`,
    [now, batch, orgId],
  );
  return rows;
}

/** A personal subscription goes on only while its member may still read what it summarizes. */
function memberMayRead(row: TDueRow): boolean {
  if (!row.user_id) return true;
  if (!row.org_role || !row.user_email) return false;
  return row.team_id
    ? canTeam(effectiveTeamRole(row.org_role, row.team_role), "team:read")
    : canOrg(row.org_role, "org:unassigned:read");
}

const periodOf = (row: TDueRow) => row.digest_period ?? "weekly";

/** Where the message goes, paced like the alerting engine's messages (lib/alerting/engine/notify.ts). */
function outboxRow(row: TDueRow, digest: TDigest) {
  const channel: TConnectionKind = row.user_id ? "email" : (row.channel ?? "email");
  const target = row.user_id ? row.user_email! : row.target;
  const connectionId = row.user_id ? null : row.connection_id;
  const id = randomUUID();
  const payload: TDigestPayload = { type: "digest", id, subscriptionId: row.id, digest };
  return {
    org_id: row.org_id,
    team_id: row.team_id,
    subscription_id: row.id,
    name: `${row.name} (${(row.user_id ? target : row.target_label) || CONNECTION_KIND_NAMES[channel]})`,
    channel,
    connection_id: connectionId,
    target,
    // The same key as the engine's messages to this place: a digest and alerts share its pace.
    pace_key: paceKeyOf(row.org_id, channel, connectionId, target),
    pace: PACE_PER_MINUTE[channel],
    id,
    payload,
  };
}

async function enqueue(client: PoolClient, rows: ReturnType<typeof outboxRow>[]): Promise<void> {
  if (!rows.length) return;
  await client.query(
    `INSERT INTO alert_events (org_id, team_id, destination_id, destination_name, key_fingerprint, action, dedup_key,
                               payload, channel, connection_id, target, pace_per_minute)
     SELECT (e.j->>'org_id')::uuid, (e.j->>'team_id')::uuid, (e.j->>'subscription_id')::uuid, e.j->>'name',
            e.j->>'pace_key', 'notify', e.j->>'id', e.j->'payload', (e.j->>'channel')::outbox_channel,
            (e.j->>'connection_id')::uuid, e.j->>'target', (e.j->>'pace')::int
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(j, n)
      ORDER BY e.n`,
    [JSON.stringify(rows)],
  );
  await client.query(`SELECT pg_notify($1, $2)`, [ALERTS_CHANNEL, rows[0]!.org_id]);
}

/** One batch in the caller's transaction: claim, compute per org and period, queue, reschedule. */
async function runBatch(client: PoolClient, now: Date, options: TRunDueOptions) {
  const batch = options.batch ?? BATCH;
  const due = await claimDue(client, now, batch, options.orgId ?? null);
  const result: TRunDueResult = { queued: 0, skipped: 0, switchedOff: 0 };
  const reschedule: { id: string; next: string | null }[] = [];
  const send = due.filter((row) => {
    if (memberMayRead(row)) return true;
    reschedule.push({ id: row.id, next: null });
    result.switchedOff++;
    return false;
  });
  // Subscriptions due at the same instant for the same period share one computation per org.
  const groups = new Map<string, TDueRow[]>();
  for (const row of send) {
    const key = `${row.org_id}/${periodOf(row)}/${row.next_digest_at.toISOString()}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const messages: ReturnType<typeof outboxRow>[] = [];
  for (const rows of groups.values()) {
    const first = rows[0]!;
    const window = { kind: periodOf(first), ...digestPeriodOf(periodOf(first), first.next_digest_at) };
    const digests = await computeDigests(
      client,
      first.org_id,
      rows.map((r) => ({ teamId: r.team_id })),
      window,
      { now, baseUrl: options.baseUrl },
    );
    for (const row of rows) {
      const digest = digests.get(row.team_id);
      if (digest && (!digest.empty || row.send_empty)) messages.push(outboxRow(row, digest));
      else result.skipped++;
      const schedule = {
        period: periodOf(row),
        hour: row.digest_hour ?? 9,
        weekday: row.digest_weekday ?? 1,
        timeZone: row.time_zone ?? "UTC",
      };
      reschedule.push({ id: row.id, next: nextDigestAt(schedule, now).toISOString() });
    }
  }
  await enqueue(client, messages);
  if (reschedule.length) {
    // A switched-off subscription (next null) stops until its member turns it on again.
    await client.query(
      `UPDATE notification_subscriptions s
          SET next_digest_at = x.next, enabled = x.next IS NOT NULL
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, next timestamptz)
        WHERE s.id = x.id`,
      [JSON.stringify(reschedule)],
    );
  }
  result.queued = messages.length;
  return { claimed: due.length, result };
}

/** Queues every digest due at `now`, a batch per transaction. */
export async function runDueDigests(options: TRunDueOptions = {}): Promise<TRunDueResult> {
  const now = options.now ?? new Date();
  const total: TRunDueResult = { queued: 0, skipped: 0, switchedOff: 0 };
  for (;;) {
    const { claimed, result } = await inTransaction(pool, (client) => runBatch(client, now, options));
    total.queued += result.queued;
    total.skipped += result.skipped;
    total.switchedOff += result.switchedOff;
    if (claimed < (options.batch ?? BATCH)) return total;
  }
}

/**
 * "Send it now": a digest subscription's summary of the period up to now, queued at once (sent even
 * when empty, as a preview); its schedule does not move. Only under its owner (team or member).
 */
export async function sendDigestNow(
  orgId: string,
  owner: { teamId: string | null; userId?: string | null },
  subscriptionId: string,
  options: { now?: Date; baseUrl?: string } = {},
): Promise<{ queued: boolean }> {
  if (!isUuid(subscriptionId)) throw notFound("Subscription not found.");
  const now = options.now ?? new Date();
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<TDueRow>(
      `${DUE_SELECT}
        WHERE s.id = $1::uuid AND s.org_id = $2::uuid AND s.kind = 'digest'
          AND s.team_id IS NOT DISTINCT FROM $3::uuid AND s.user_id IS NOT DISTINCT FROM $4::uuid`,
      [subscriptionId, orgId, owner.teamId, owner.userId ?? null],
    );
    const row = rows[0];
    if (!row || !memberMayRead(row)) throw notFound("Subscription not found.");
    const window = { kind: periodOf(row), ...digestPeriodOf(periodOf(row), now) };
    const digests = await computeDigests(client, orgId, [{ teamId: row.team_id }], window, {
      now,
      baseUrl: options.baseUrl,
    });
    const digest = digests.get(row.team_id);
    if (!digest) return { queued: false };
    await enqueue(client, [outboxRow(row, digest)]);
    return { queued: true };
  });
}

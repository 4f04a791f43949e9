import "server-only";
import type pg from "pg";
import type { TSourceEvent } from "@/lib/alerting/engine/queue-messages";
import { pool } from "@/lib/server/db";

// Each source (the admission log, CI scans, the cost rollups, PagerDuty deliveries, finding
// events) is read past a per-org cursor: the (time, id) of the last row turned into events. The
// cursor moves in the transaction that queues the messages, so a run that dies queues nothing
// and the next run reads the same rows again: each row becomes events once.

/** A source's position: rows after (at, id); id "" means every row at `at` was read too. */
export type TPosition = { at: Date; id: string };

/**
 * The times of one run. Rows newer than `upto` (now minus a settle time) wait for the next run:
 * a row's time is set before its transaction commits, so a row stamped a moment ago may not be
 * visible yet while a later one is. `start` is where an org's first cursor begins.
 */
export type TClock = { now: Date; upto: Date; start: Date };

/** Longer than any transaction that writes a source row (an admission review, a CI upload, a triage). */
export const SETTLE_MS = 30_000;
/** An org's first run looks back this far (not through months of history). */
export const FIRST_LOOKBACK_MS = 15 * 60_000;
/** Rows per transaction; a run reads on until an org's source is caught up. */
export const BATCH = 1000;

export function clockAt(now: Date): TClock {
  const upto = new Date(now.getTime() - SETTLE_MS);
  return { now, upto, start: new Date(upto.getTime() - FIRST_LOOKBACK_MS) };
}

export type TRead = { events: TSourceEvent[]; next: TPosition | null; more: boolean };

export type TSource = {
  /** The cursor's name. */
  name: string;
  /** Orgs that may have rows past their cursor. */
  orgs: (clock: TClock) => Promise<string[]>;
  /** Up to a batch of events after `from`, the position after them and whether more rows wait. */
  read: (client: pg.ClientBase, orgId: string, from: TPosition, clock: TClock) => Promise<TRead>;
  /** Where an org's first cursor starts (default: the clock's start). */
  initial?: (clock: TClock) => Date;
};

/** Locks the org's cursor of a source for this transaction, creating it at `start` the first time. */
export async function lockCursor(
  client: pg.ClientBase,
  orgId: string,
  source: string,
  start: Date,
): Promise<TPosition> {
  await client.query(
    `INSERT INTO notification_source_cursors (org_id, source, last_at) VALUES ($1::uuid, $2, $3::timestamptz)
     ON CONFLICT (org_id, source) DO NOTHING`,
    [orgId, source, start],
  );
  const { rows } = await client.query<{ last_at: Date; last_id: string }>(
    `SELECT last_at, last_id FROM notification_source_cursors WHERE org_id = $1::uuid AND source = $2 FOR UPDATE`,
    [orgId, source],
  );
  return { at: new Date(rows[0]!.last_at), id: rows[0]!.last_id };
}

export async function saveCursor(client: pg.ClientBase, orgId: string, source: string, p: TPosition): Promise<void> {
  await client.query(
    `UPDATE notification_source_cursors SET last_at = $3::timestamptz, last_id = $4, updated_at = now()
      WHERE org_id = $1::uuid AND source = $2`,
    [orgId, source, p.at, p.id],
  );
}

/**
 * The read's condition on a source's time and id columns: after the cursor ($2 at, $3 id) and
 * settled ($4 upto). The read's parameters are `$1` org, `$2`, `$3`, `$4` and `$5` the batch size.
 */
export const afterCursor = (at: string, id: string, idType: "bigint" | "uuid") =>
  `(${at} > $2::timestamptz OR (${at} = $2::timestamptz AND ${id} > NULLIF($3, '')::${idType}))
   AND ${at} <= $4::timestamptz`;

/** The parameters afterCursor's read takes. */
export const readParams = (orgId: string, from: TPosition, clock: TClock, ...more: unknown[]) => [
  orgId,
  from.at,
  from.id,
  clock.upto,
  BATCH,
  ...more,
];

/** Where the cursor goes after reading `rows` (in order): their last one, or `upto` once caught up. */
export function positionAfter(rows: readonly { at: Date; id: string }[], clock: TClock) {
  const last = rows[rows.length - 1];
  return rows.length < BATCH || !last
    ? { next: { at: clock.upto, id: "" }, more: false }
    : { next: { at: new Date(last.at), id: last.id }, more: true };
}

/**
 * Orgs with rows past their cursor: `exists` is a subquery on org `o.id` that uses `pending(col)`
 * for its time column (and `$1` upto, `$2` the first cursor's start; `more` are `$4`…).
 */
export async function orgsWithRows(
  source: string,
  exists: string,
  clock: TClock,
  ...more: unknown[]
): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    // The parameters' types are declared once, so a subquery may leave some of them out.
    `SELECT o.id FROM (SELECT $1::timestamptz AS upto, $2::timestamptz AS start) p
       CROSS JOIN organizations o
       LEFT JOIN notification_source_cursors c ON c.org_id = o.id AND c.source = $3
      WHERE EXISTS (${exists})
      ORDER BY o.id`,
    [clock.upto, clock.start, source, ...more],
  );
  return rows.map((r) => r.id);
}

/** The condition of orgsWithRows' subquery on its time column. */
export const pending = (at: string) =>
  `(${at} > coalesce(c.last_at, $2::timestamptz) OR (${at} = c.last_at AND c.last_id <> ''))
   AND ${at} <= $1::timestamptz`;

/** Rows by key, each list in the rows' order (the last one is the latest). */
export function groupRows<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

import "server-only";
import type { TSql } from "../engine/sql";

// Per routing key pacing below PagerDuty's 120 events per minute, shared by every worker through
// one row per key (GCRA: the row holds the theoretical arrival time of the next event). With 100
// per minute and a burst of 10, no 60 s window can see more than 110 events.

export const EVENTS_PER_MINUTE = 100;
export const BURST = 10;

export type TRateDecision = { allowed: true } | { allowed: false; retryAt: Date };

export async function takeRateToken(
  sql: TSql,
  keyFingerprint: string,
  now: Date,
  perMinute = EVENTS_PER_MINUTE,
  burst = BURST,
): Promise<TRateDecision> {
  const interval = 60_000 / perMinute;
  const tolerance = interval * burst;
  const { rows } = await sql.query<{ tat: Date }>(
    `INSERT INTO alert_rate_limits AS l (key_fingerprint, tat)
     VALUES ($1, $2::timestamptz + $3 * interval '1 millisecond')
     ON CONFLICT (key_fingerprint) DO UPDATE
        SET tat = greatest(l.tat, $2::timestamptz) + $3 * interval '1 millisecond'
      WHERE greatest(l.tat, $2::timestamptz) + $3 * interval '1 millisecond' <= $2::timestamptz + $4 * interval '1 millisecond'
     RETURNING tat`,
    [keyFingerprint, now, interval, tolerance],
  );
  if (rows.length) return { allowed: true };
  const current = await sql.query<{ tat: Date }>(`SELECT tat FROM alert_rate_limits WHERE key_fingerprint = $1`, [
    keyFingerprint,
  ]);
  const tat = current.rows[0]?.tat ? new Date(current.rows[0].tat).getTime() : now.getTime();
  return { allowed: false, retryAt: new Date(tat + interval - tolerance) };
}

import "server-only";
import { pool } from "./db";

// Fixed-window counters in Postgres (no second datastore). One row per key.

export type TWindow = { count: number; resetAt: Date };

/** Counts one event for `key` and returns the window after counting it. */
export async function countEvent(key: string, windowSeconds: number): Promise<TWindow> {
  const { rows } = await pool.query<{ count: number; reset_at: Date }>(
    `INSERT INTO rate_limits (key, count, reset_at) VALUES ($1, 1, now() + make_interval(secs => $2))
     ON CONFLICT (key) DO UPDATE SET
       count = CASE WHEN rate_limits.reset_at <= now() THEN 1 ELSE rate_limits.count + 1 END,
       reset_at = CASE WHEN rate_limits.reset_at <= now() THEN EXCLUDED.reset_at ELSE rate_limits.reset_at END
     RETURNING count, reset_at`,
    [key, windowSeconds],
  );
  return { count: rows[0].count, resetAt: rows[0].reset_at };
}

/** The current window for `key`, or null when none is running. */
export async function currentWindow(key: string): Promise<TWindow | null> {
  const { rows } = await pool.query<{ count: number; reset_at: Date }>(
    "SELECT count, reset_at FROM rate_limits WHERE key = $1 AND reset_at > now()",
    [key],
  );
  return rows[0] ? { count: rows[0].count, resetAt: rows[0].reset_at } : null;
}

export async function clearWindow(key: string): Promise<void> {
  await pool.query("DELETE FROM rate_limits WHERE key = $1", [key]);
}

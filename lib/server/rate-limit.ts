import "server-only";
import { pool } from "./db";
import { env } from "./env";
import { AppError } from "./errors";

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

/** The 429 a caller gets past a limit; `retryAfterSeconds` becomes the Retry-After header. */
export class RateLimitedError extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    message: string,
    // A quota that renews with time (the daily report bytes) answers the same way, under its own code.
    options: { code?: "rate_limited" | "daily_quota_exceeded"; details?: Record<string, unknown> } = {},
  ) {
    super(options.code ?? "rate_limited", message, { ...options.details, retryAfterSeconds });
  }
}

/**
 * Counts one request for `key` and throws RateLimitedError once more than `limit` arrived in the
 * window. A limit of 0 means no limit (nothing is counted).
 */
export async function enforceRateLimit(key: string, limit: number, windowSeconds: number, what: string): Promise<void> {
  if (limit <= 0) return;
  const window = await countEvent(key, windowSeconds);
  if (window.count <= limit) return;
  const retryAfterSeconds = Math.max(1, Math.ceil((window.resetAt.getTime() - Date.now()) / 1000));
  throw new RateLimitedError(retryAfterSeconds, `Too many ${what}. Try again in ${retryAfterSeconds} s.`);
}

/** Per org token, whatever the route (API or fleet install): one script in a loop cannot starve the others. */
export async function enforceApiTokenLimit(tokenId: string): Promise<void> {
  await enforceRateLimit(
    `api:token:${tokenId}`,
    env().BUMPERS_RATE_LIMIT_API_PER_MINUTE,
    60,
    "requests with this token",
  );
}

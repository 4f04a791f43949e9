import "server-only";
import { pool } from "@/lib/server/db";
import type { TChannelOutcome } from "../channels/outcome";

// A connection's health follows what its provider answered: delivered, or broken after a
// 401/403/404-class answer (a revoked token, a deleted webhook), which stays until an admin replaces
// the secret. Returns true when this answer is what broke it, so admins are told once.

export async function recordConnectionHealth(connectionId: string, outcome: TChannelOutcome): Promise<boolean> {
  if (outcome.kind === "accepted") {
    await pool.query(`UPDATE notification_connections SET last_delivered_at = now() WHERE id = $1::uuid`, [
      connectionId,
    ]);
    return false;
  }
  const lastError = JSON.stringify({ status: outcome.status, message: outcome.error });
  if (outcome.kind !== "broken") {
    await pool.query(
      `UPDATE notification_connections SET last_error_at = now(), last_error = $2::jsonb WHERE id = $1::uuid`,
      [connectionId, lastError],
    );
    return false;
  }
  const { rowCount } = await pool.query(
    `UPDATE notification_connections
        SET status = 'broken', broken_reason = $2, broken_at = now(), last_error_at = now(), last_error = $3::jsonb
      WHERE id = $1::uuid AND status = 'ok'`,
    [connectionId, outcome.error.slice(0, 1000), lastError],
  );
  return (rowCount ?? 0) > 0;
}

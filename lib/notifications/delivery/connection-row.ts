import "server-only";
import { pool } from "@/lib/server/db";

/** A notification connection as the delivery path reads it (secret still sealed). */
export type TConnectionRow = {
  id: string;
  org_id: string;
  team_id: string | null;
  kind: string;
  name: string;
  secret_ciphertext: string;
  settings: Record<string, unknown>;
  status: "ok" | "broken";
  broken_reason: string | null;
};

/** The org's connection with this id, as senders (messages and ticket calls) read it; null once deleted. */
export async function connectionRowOf(orgId: string, connectionId: string): Promise<TConnectionRow | null> {
  const { rows } = await pool.query<TConnectionRow>(
    `SELECT id, org_id, team_id, kind::text AS kind, name, secret_ciphertext, settings, status::text AS status,
            broken_reason
       FROM notification_connections WHERE id = $1::uuid AND org_id = $2::uuid`,
    [connectionId, orgId],
  );
  return rows[0] ?? null;
}

import "server-only";
import { pool } from "@/lib/server/db";

/**
 * The keys of the tickets of some findings ("PAY-12"), oldest ticket first, for the CSV export's
 * `ticket` column. Tickets still being created (no key yet) and failed creations are left out.
 */
export async function ticketKeysOfFindings(
  orgId: string,
  findingIds: readonly string[],
): Promise<Map<string, string[]>> {
  const keys = new Map<string, string[]>();
  if (!findingIds.length) return keys;
  const { rows } = await pool.query<{ finding_id: string; key: string }>(
    `SELECT tf.finding_id, tk.external_key AS key
       FROM ticket_findings tf
       JOIN tickets tk ON tk.id = tf.ticket_id AND tk.org_id = tf.org_id
      WHERE tf.org_id = $1 AND tf.finding_id = ANY($2::uuid[])
        AND tk.external_key IS NOT NULL AND tk.state <> 'failed'
      ORDER BY tk.created_at, tk.id`,
    [orgId, findingIds],
  );
  for (const r of rows) keys.set(r.finding_id, [...(keys.get(r.finding_id) ?? []), r.key]);
  return keys;
}

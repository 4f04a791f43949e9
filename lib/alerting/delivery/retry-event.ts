import "server-only";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { pool } from "@/lib/server/db";
import { AppError, notFound } from "@/lib/server/errors";
import { inTransaction } from "@/lib/server/sql";
import { ALERTS_CHANNEL } from "../engine/write";

/**
 * "Retry" on a failed delivery (a PagerDuty event or a message): due again now, with a fresh count
 * of attempts; the delivery loop sends it with the secret its destination or connection holds
 * now. Org admins only (the route checks): one row of the org, failed, else a 404 or 400.
 */
export async function retryDelivery(orgId: string, actor: TAuditEntry["actor"], eventId: string): Promise<void> {
  if (!/^\d{1,18}$/.test(eventId)) throw notFound("Delivery not found.");
  await inTransaction(pool, async (client) => {
    const { rows } = await client.query<{ status: string; destination_name: string }>(
      `SELECT status::text AS status, destination_name FROM alert_events WHERE id = $1::bigint AND org_id = $2::uuid
        FOR UPDATE`,
      [eventId, orgId],
    );
    const row = rows[0];
    if (!row) throw notFound("Delivery not found.");
    if (row.status !== "failed") throw new AppError("bad_request", "Only a failed delivery can be sent again.");
    await client.query(
      `UPDATE alert_events SET status = 'pending', attempts = 0, next_attempt_at = now(), lease_until = NULL
        WHERE id = $1::bigint`,
      [eventId],
    );
    await recordAudit(client, {
      orgId,
      actor,
      action: "delivery.retried",
      target: { type: "delivery", id: eventId, label: row.destination_name },
    });
    await client.query(`SELECT count(*)::int AS n FROM (SELECT pg_notify($1, $2)) n`, [ALERTS_CHANNEL, orgId]);
  });
}

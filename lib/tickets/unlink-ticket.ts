import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { pool } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { inTransaction } from "@/lib/server/sql";
import type { TTicketActor } from "./create-ticket";
import { ZTicketId } from "./schemas";
import { addTicketEvents, TICKET_COLUMNS, type TTicketRow } from "./ticket-row";

// Unlinking forgets the ticket in Bumpers (its row, its findings links, its pending calls); the
// issue itself is left alone in Jira or GitHub.

export async function unlinkTicket(orgId: string, actor: TTicketActor, ticketId: string): Promise<{ id: string }> {
  const id = ZTicketId.parse(ticketId);
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<TTicketRow>(
      `SELECT ${TICKET_COLUMNS} FROM tickets t WHERE t.id = $1::uuid AND t.org_id = $2::uuid FOR UPDATE`,
      [id, orgId],
    );
    const ticket = rows[0];
    if (!ticket) throw new AppError("not_found", "Ticket not found.");
    await addTicketEvents(client, ticket, "userId" in actor ? actor.userId : null, {
      action: "unlinked",
      key: ticket.external_key,
      url: ticket.url,
    });
    await client.query(
      `UPDATE alert_events SET status = 'failed', error = 'The ticket was unlinked in Bumpers.', lease_until = NULL
        WHERE ticket_id = $1::uuid AND status = 'pending'`,
      [id],
    );
    await client.query(`DELETE FROM tickets WHERE id = $1::uuid`, [id]);
    await recordAudit(client, {
      orgId,
      actor,
      action: "ticket.unlinked",
      target: { type: "ticket", id, label: ticket.external_key ?? ticket.title },
      before: { key: ticket.external_key, url: ticket.url, linked: ticket.linked },
    });
    return { id };
  });
}

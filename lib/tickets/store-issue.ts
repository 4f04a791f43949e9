import "server-only";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { pool } from "@/lib/server/db";
import { inTransaction } from "@/lib/server/sql";
import type { TProviderIssue } from "./provider";
import { addTicketEvents, TICKET_COLUMNS, type TTicketRow } from "./ticket-row";

// The provider made (or Bumpers found again) a reserved ticket's issue: the row takes its id, key,
// URL and state, its findings get a `ticket` event, and the audit log says who asked.

export async function storeCreatedIssue(
  ticket: TTicketRow,
  issue: TProviderIssue,
  /** Null: the outbox finished a creation already audited when it was asked for. */
  actor: TAuditEntry["actor"] | null,
  action: "created" | "found",
): Promise<TTicketRow> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<TTicketRow>(
      `UPDATE tickets t SET external_id = $2, external_key = $3, url = $4, state = $5::ticket_state, provider_status = $6,
              closed_at = CASE WHEN $5 = 'open' THEN NULL ELSE now() END, last_error = NULL, updated_at = now()
        WHERE t.id = $1::uuid
        RETURNING ${TICKET_COLUMNS}`,
      [ticket.id, issue.externalId, issue.key, issue.url, issue.state, issue.status],
    );
    const stored = rows[0] ?? ticket;
    await addTicketEvents(client, stored, actor && "userId" in actor ? actor.userId : null, {
      action: "created",
      key: issue.key,
      url: issue.url,
    });
    if (!actor) return stored;
    await recordAudit(client, {
      orgId: ticket.org_id,
      actor,
      action: "ticket.created",
      target: { type: "ticket", id: ticket.id, label: issue.key },
      after: {
        key: issue.key,
        url: issue.url,
        title: ticket.title,
        ...(action === "found" ? { foundByLabel: true } : {}),
      },
    });
    return stored;
  });
}

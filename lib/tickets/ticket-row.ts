import "server-only";
import { sqlOf, type TSqlClient } from "@/lib/alerting/engine/sql";
import type { TTicketSubject } from "./schemas";
import type { TTicketChip, TTicketState } from "./views";

// A `tickets` row as the verbs, the sender and the queries read it.

export type TTicketRow = {
  id: string;
  org_id: string;
  team_id: string | null;
  connection_id: string | null;
  provider: "jira" | "github";
  problem_key: string;
  subject: TTicketSubject;
  title: string;
  external_id: string | null;
  external_key: string | null;
  url: string | null;
  state: TTicketState;
  provider_status: string;
  linked: boolean;
  open_count: number;
  affected_count: number;
  closed_at: Date | null;
  last_error: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
};

export const TICKET_COLUMNS = `t.id, t.org_id, t.team_id, t.connection_id, t.provider::text AS provider, t.problem_key, t.subject,
  t.title, t.external_id, t.external_key, t.url, t.state::text AS state, t.provider_status, t.linked, t.open_count,
  t.affected_count, t.closed_at, t.last_error, t.created_by, t.created_at, t.updated_at`;

export const chipOf = (t: TTicketRow): TTicketChip => ({
  id: t.id,
  provider: t.provider,
  key: t.external_key,
  url: t.url,
  state: t.state,
  providerStatus: t.provider_status,
});

/** The org's ticket, or null (another org's id reads as absent). */
export async function ticketById(client: TSqlClient, orgId: string, ticketId: string): Promise<TTicketRow | null> {
  const { rows } = await sqlOf(client).query<TTicketRow>(
    `SELECT ${TICKET_COLUMNS} FROM tickets t WHERE t.id = $1::uuid AND t.org_id = $2::uuid`,
    [ticketId, orgId],
  );
  return rows[0] ?? null;
}

/** Adds a `ticket` event to each finding the ticket covers (the finding page's history). */
export async function addTicketEvents(
  client: TSqlClient,
  ticket: { org_id: string; id: string },
  actorUserId: string | null,
  data: Record<string, unknown>,
  findingIds?: readonly string[],
): Promise<void> {
  await sqlOf(client).query(
    `INSERT INTO finding_events (org_id, finding_id, kind, actor_id, data)
     SELECT tf.org_id, tf.finding_id, 'ticket', $3::uuid, $4::jsonb FROM ticket_findings tf
      WHERE tf.ticket_id = $1::uuid AND tf.org_id = $2::uuid AND ($5::uuid[] IS NULL OR tf.finding_id = ANY($5::uuid[]))`,
    [ticket.id, ticket.org_id, actorUserId, JSON.stringify(data), findingIds ?? null],
  );
}

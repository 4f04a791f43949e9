import type { TTicketCall, TTicketCallRow } from "./enqueue";

// What every sync statement returns about a ticket so that a call row can be built without another
// query: the columns below are selected over `tickets t JOIN notification_connections nc`.

/** Select list over `t` (tickets) and `nc` (its connection); pair with TTicketTarget. */
export const TICKET_TARGET_COLUMNS = `t.id AS ticket_id, t.team_id, t.connection_id, nc.name AS connection_name,
       t.provider::text AS provider, COALESCE(t.external_key, t.title) AS target`;

export type TTicketTarget = {
  ticket_id: string;
  team_id: string | null;
  connection_id: string;
  connection_name: string;
  provider: "jira" | "github";
  target: string;
};

export const callRowOf = (t: TTicketTarget, call: TTicketCall): TTicketCallRow => ({
  ticketId: t.ticket_id,
  teamId: t.team_id,
  connectionId: t.connection_id,
  connectionName: t.connection_name,
  provider: t.provider,
  target: t.target,
  call,
});

/**
 * The project a ticket's team files into (its own row, else the org default), as a lateral join
 * aliased `p` with `reopen_when_still_failing` and `comments_as_notes` (both false without a project).
 */
export const EFFECTIVE_PROJECT_JOIN = `LEFT JOIN LATERAL (
         SELECT tp.reopen_when_still_failing, tp.comments_as_notes FROM ticket_projects tp
          WHERE tp.org_id = t.org_id AND (tp.team_id = t.team_id OR tp.team_id IS NULL)
          ORDER BY tp.team_id NULLS LAST LIMIT 1) p ON true`;

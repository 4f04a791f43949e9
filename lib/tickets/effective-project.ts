import "server-only";
import { ticketProviderFor, type TProviderOptions } from "./provider-seam";
import { sqlOf, type TSqlClient } from "@/lib/alerting/engine/sql";
import type { TConnectionRow } from "@/lib/notifications/delivery/connection-row";
import { AppError } from "@/lib/server/errors";
import { allowPrivateDestinations } from "@/lib/server/outbound/destination";
import { openTicketSecret } from "./connection-secret";
import type { TProjectSettings, TProviderContext, TTicketProvider } from "./provider";
import { isTicketConnectionKind, providerOfKind, ZProjectSettings, type TTicketConnectionKind } from "./schemas";

// Where a team's tickets go: its own ticket project, else the org's default (team_id null), with
// the connection it files through. Read by the verbs, the outbox sender and the sync hooks; the
// settings pages write the rows.

export type TTicketConnection = TConnectionRow & { kind: TTicketConnectionKind };

export type TEffectiveProject = {
  id: string;
  /** Null: the org's default. */
  teamId: string | null;
  settings: TProjectSettings;
  reopenWhenStillFailing: boolean;
  commentsAsNotes: boolean;
  provider: "jira" | "github";
  connection: TTicketConnection;
};

/** What every verb takes last: tests pass an in-memory provider and a clock. */
export type TTicketVerbOptions = TProviderOptions & { now?: Date };

type TRow = {
  id: string;
  team_id: string | null;
  settings: unknown;
  reopen_when_still_failing: boolean;
  comments_as_notes: boolean;
  c_id: string;
  c_org_id: string;
  c_team_id: string | null;
  c_kind: string;
  c_name: string;
  c_status: "ok" | "broken";
  c_broken_reason: string | null;
  c_secret_ciphertext: string;
  c_settings: Record<string, unknown>;
};

export async function effectiveProject(
  client: TSqlClient,
  orgId: string,
  teamId: string | null,
): Promise<TEffectiveProject | null> {
  const { rows } = await sqlOf(client).query<TRow>(
    `SELECT p.id, p.team_id, p.settings, p.reopen_when_still_failing, p.comments_as_notes,
            c.id AS c_id, c.org_id AS c_org_id, c.team_id AS c_team_id, c.kind::text AS c_kind, c.name AS c_name,
            c.status::text AS c_status, c.broken_reason AS c_broken_reason, c.secret_ciphertext AS c_secret_ciphertext,
            c.settings AS c_settings
       FROM ticket_projects p
       JOIN notification_connections c ON c.id = p.connection_id AND c.org_id = p.org_id
      WHERE p.org_id = $1::uuid AND (p.team_id = $2::uuid OR p.team_id IS NULL)
      ORDER BY p.team_id IS NULL
      LIMIT 1`,
    [orgId, teamId],
  );
  const row = rows[0];
  if (!row || !isTicketConnectionKind(row.c_kind)) return null;
  const settings = ZProjectSettings.safeParse(row.settings);
  if (!settings.success || settings.data.provider !== providerOfKind(row.c_kind)) {
    throw new AppError(
      "conflict",
      `The ticket project settings ${row.team_id ? "of this team" : "of the organization"} are incomplete; a team admin must save them again (Team → Tickets → Settings).`,
    );
  }
  return {
    id: row.id,
    teamId: row.team_id,
    settings: settings.data,
    reopenWhenStillFailing: row.reopen_when_still_failing,
    commentsAsNotes: row.comments_as_notes,
    provider: providerOfKind(row.c_kind),
    connection: {
      id: row.c_id,
      org_id: row.c_org_id,
      team_id: row.c_team_id,
      kind: row.c_kind,
      name: row.c_name,
      status: row.c_status,
      broken_reason: row.c_broken_reason,
      secret_ciphertext: row.c_secret_ciphertext,
      settings: row.c_settings ?? {},
    },
  };
}

/** Calls that answer a person waiting on a page give up sooner than the outbox's. */
export const INTERACTIVE_TIMEOUT_MS = 8_000;

/** The provider for a connection (and the project it files into); tests hand in their own. */
export async function providerOf(
  connection: Pick<TTicketConnection, "id" | "secret_ciphertext">,
  project: TProjectSettings | null,
  options: TTicketVerbOptions & { timeoutMs?: number } = {},
): Promise<TTicketProvider> {
  const context: TProviderContext = {
    secret: openTicketSecret(connection.id, connection.secret_ciphertext),
    project,
    allowPrivate: allowPrivateDestinations(),
    timeoutMs: options.timeoutMs,
  };
  return ticketProviderFor(context, options);
}

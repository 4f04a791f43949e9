import { randomBytes, randomUUID } from "node:crypto";
import { insertFindings } from "@/lib/alerting/test-helpers";
import { pool } from "@/lib/server/db";
import { createTestCluster, createTestTenant } from "@/lib/testing/factories";
import { sealTicketSecret } from "../connection-secret";
import type { TInboundTicketEvent } from "../provider";
import type { TTicketSubject } from "../schemas";

// Test helpers for ticket sync: a Jira or GitHub connection with a sealed secret, its project,
// and tickets inserted directly (the create verb is another module's, with its own tests).

export type TTestConnection = { id: string; webhookSecret: string; identityId: string };

/** A ticket connection of the org, acting as `identityId` in the provider; the org's default project (the first one) points to it. */
export async function createTicketConnection(
  orgId: string,
  kind: "jira_cloud" | "github",
  project: { reopenWhenStillFailing?: boolean; commentsAsNotes?: boolean } = {},
): Promise<TTestConnection> {
  const id = randomUUID();
  const webhookSecret = randomBytes(24).toString("hex");
  const identityId = `bumpers-bot-${randomBytes(3).toString("hex")}`;
  const secret =
    kind === "github"
      ? { kind, auth: "token" as const, token: `github_pat_${"a".repeat(40)}`, webhookSecret }
      : {
          kind,
          siteUrl: "https://acme.atlassian.net",
          email: "bot@acme.test",
          apiToken: "x".repeat(24),
          webhookSecret,
        };
  await pool.query(
    `INSERT INTO notification_connections (id, org_id, kind, name, secret_ciphertext, secret_hint, settings)
     VALUES ($1, $2, $3::notification_channel_kind, $4, $5, '…', $6)`,
    [id, orgId, kind, `${kind} ${id.slice(0, 6)}`, sealTicketSecret(id, secret), { identity: { id: identityId } }],
  );
  await pool.query(
    `INSERT INTO ticket_projects (org_id, team_id, connection_id, settings, reopen_when_still_failing, comments_as_notes)
     VALUES ($1, NULL, $2, '{}', $3, $4)
     ON CONFLICT DO NOTHING`,
    [orgId, id, project.reopenWhenStillFailing ?? true, project.commentsAsNotes ?? false],
  );
  return { id, webhookSecret, identityId };
}

let seq = 0;

export type TTestTicket = { id: string; externalId: string; key: string };

/** A ticket row with its findings linked (open_count as if the ticket had been told about them). */
export async function insertTicket(input: {
  orgId: string;
  teamId: string;
  connectionId: string;
  findingIds: readonly string[];
  subject?: TTicketSubject;
  state?: "creating" | "open" | "done" | "wont_do";
  openCount?: number;
  externalId?: string;
  closedAt?: Date;
}): Promise<TTestTicket> {
  const n = ++seq;
  const externalId = input.externalId ?? `${10000 + n}`;
  const key = `PAY-${externalId}`;
  const subject = input.subject ?? { kind: "findings", findingIds: [...input.findingIds] };
  const { rows } = await pool.query<{ id: string }>(
    `WITH t AS (
       INSERT INTO tickets (org_id, team_id, connection_id, provider, problem_key, subject, title, external_id,
                            external_key, state, open_count, affected_count, closed_at)
       SELECT $1, $2, $3, CASE WHEN nc.kind = 'github' THEN 'github' ELSE 'jira' END::ticket_provider,
              md5(random()::text), $4, 'A problem', $5, $6, $7::ticket_state, $8, cardinality($9::uuid[]), $10
         FROM notification_connections nc WHERE nc.id = $3
       RETURNING id
     ), linked AS (
       INSERT INTO ticket_findings (org_id, ticket_id, finding_id) SELECT $1, t.id, unnest($9::uuid[]) FROM t
     )
     SELECT id FROM t`,
    [
      input.orgId,
      input.teamId,
      input.connectionId,
      JSON.stringify(subject),
      input.state === "creating" ? null : externalId,
      input.state === "creating" ? null : key,
      input.state ?? "open",
      input.openCount ?? input.findingIds.length,
      input.findingIds,
      input.closedAt ?? null,
    ],
  );
  return { id: rows[0]!.id, externalId, key };
}

/** The ticket calls waiting in the outbox for `ticketId` (or the org), oldest first. */
export async function ticketCalls(orgId: string, ticketId?: string) {
  const { rows } = await pool.query<{ ticket_id: string; payload: Record<string, unknown> }>(
    `SELECT ticket_id, payload FROM alert_events
      WHERE org_id = $1 AND action = 'ticket' AND ($2::uuid IS NULL OR ticket_id = $2) ORDER BY id`,
    [orgId, ticketId ?? null],
  );
  return rows.map((r) => ({ ticketId: r.ticket_id, ...(r.payload as { op: string; to?: string }), raw: r.payload }));
}

export async function ticketRow(id: string) {
  const { rows } = await pool.query<{
    state: string;
    open_count: number;
    affected_count: number;
    closed_at: Date | null;
    last_growth_comment_at: Date | null;
  }>(`SELECT state::text, open_count, affected_count, closed_at, last_growth_comment_at FROM tickets WHERE id = $1`, [
    id,
  ]);
  return rows[0]!;
}

/** A state or comment event on `ticket`, by someone other than Bumpers unless `actorId` says so. */
export function ticketEvent(
  ticket: TTestTicket,
  change: { state: "open" | "done" | "wont_do" } | { comment: string },
  actorId = "human-1",
): TInboundTicketEvent {
  return {
    deliveryId: randomUUID(),
    externalId: ticket.externalId,
    key: ticket.key,
    actor: { id: actorId, name: "Dana Developer" },
    ...("state" in change
      ? { kind: "state" as const, state: change.state, status: change.state === "open" ? "To Do" : "Done" }
      : { kind: "comment" as const, comment: { id: "c1", text: change.comment } }),
  };
}

type TTenant = Awaited<ReturnType<typeof createTestTenant>>;

/**
 * A tenant (or the given one) with a ticket connection and `count` open findings of one check in
 * a cluster, owned by `team`; their ids in id order.
 */
export async function createTicketTenant(
  kind: "jira_cloud" | "github",
  options: {
    count: number;
    tenant?: TTenant;
    source?: string;
    severity?: "critical" | "high";
    project?: { reopenWhenStillFailing?: boolean; commentsAsNotes?: boolean };
  },
) {
  const t = options.tenant ?? (await createTestTenant());
  const cluster = await createTestCluster(t.org.id);
  const connection = await createTicketConnection(t.org.id, kind, options.project);
  await insertFindings({
    orgId: t.org.id,
    clusterId: cluster.id,
    teamId: t.team.id,
    checkId: "CHECK-1",
    severity: options.severity ?? "high",
    source: options.source,
    count: options.count,
  });
  const { rows } = await pool.query<{ id: string }>(`SELECT id FROM findings WHERE org_id = $1 ORDER BY id`, [
    t.org.id,
  ]);
  return { t, cluster, connection, findingIds: rows.map((r) => r.id) };
}

import { randomBytes, randomUUID } from "node:crypto";
import { insertFindings } from "@/lib/alerting/test-helpers";
import { pool } from "@/lib/server/db";
import { createTestCluster, createTestTenant } from "@/lib/testing/factories";
import {
  createTicketConnection as createConnection,
  createTicketProject,
  jiraCloudSecret,
} from "@/lib/testing/tickets";
import type { TInboundTicketEvent } from "../provider";
import type { TTicketSecret } from "../schemas";

// Test helpers for ticket sync: a Jira or GitHub connection (built with lib/testing/tickets.ts)
// as the org's default project; tickets come from createTestTicket there.

export type TTestConnection = { id: string; webhookSecret: string; identityId: string };

/** A ticket connection of the org, acting as `identityId` in the provider; the org's default project (the first one) points to it. */
export async function createTicketConnection(
  orgId: string,
  kind: "jira_cloud" | "github",
  project: { reopenWhenStillFailing?: boolean; commentsAsNotes?: boolean } = {},
): Promise<TTestConnection> {
  const webhookSecret = randomBytes(24).toString("hex");
  const identityId = `bumpers-bot-${randomBytes(3).toString("hex")}`;
  const secret: TTicketSecret =
    kind === "github"
      ? { kind, auth: "token", token: `github_pat_${"a".repeat(40)}`, webhookSecret }
      : { ...jiraCloudSecret(), webhookSecret };
  const { id } = await createConnection(orgId, { secret, identityId, name: `${kind} ${randomUUID().slice(0, 6)}` });
  await createTicketProject(orgId, null, id, {}, project);
  return { id, webhookSecret, identityId };
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
  ticket: { externalId: string | null; key: string | null },
  change: { state: "open" | "done" | "wont_do" } | { comment: string },
  actorId = "human-1",
): TInboundTicketEvent {
  return {
    deliveryId: randomUUID(),
    // Events come for filed tickets only: these have both.
    externalId: ticket.externalId!,
    key: ticket.key!,
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

import "server-only";
import type pg from "pg";
import { sqlOf } from "@/lib/alerting/engine/sql";
import { triagedComment } from "./comments";
import { enqueueTicketCalls } from "./enqueue";
import { callRowOf, TICKET_TARGET_COLUMNS, type TTicketTarget } from "./ticket-target";

// A person resolving findings in Bumpers tells the tickets that cover them, so the people working
// the ticket know why part of it went away. Unresolving, snoozing and assigning say nothing.

/** What a triage action did (lib/findings/triage.ts). */
export type TTriagedChange = {
  kind: "resolved" | "unresolved" | "snoozed" | "unsnoozed" | "assigned" | "unassigned";
  /** For `resolved`: the resolution and the reason given. */
  resolution?: string;
  reason?: string;
  actor: { userId: string | null; label: string };
};

const TOLD = new Set(["will_not_fix", "working_as_intended"]);

/** One comment per ticket covering some of `changedIds`: one statement and one outbox insert. */
export async function ticketsOnFindingsTriaged(
  client: pg.ClientBase,
  orgId: string,
  changedIds: readonly string[],
  change: TTriagedChange,
): Promise<void> {
  if (change.kind !== "resolved" || !change.resolution || !TOLD.has(change.resolution) || !changedIds.length) return;
  const { rows } = await client.query<TTicketTarget & { n: number; by: string }>(
    `SELECT ${TICKET_TARGET_COLUMNS}, count(*)::int AS n,
            COALESCE((SELECT NULLIF(u.name, '') FROM users u WHERE u.id = $3::uuid), $4) AS by
       FROM ticket_findings tf
       JOIN tickets t ON t.id = tf.ticket_id AND t.org_id = $1
       JOIN notification_connections nc ON nc.id = t.connection_id
      WHERE tf.org_id = $1 AND tf.finding_id = ANY($2::uuid[]) AND t.state IN ('creating', 'open', 'done', 'wont_do')
      GROUP BY t.id, nc.name`,
    [orgId, changedIds, change.actor.userId, change.actor.label],
  );
  await enqueueTicketCalls(
    sqlOf(client),
    orgId,
    rows.map((r) =>
      callRowOf(r, { op: "comment", body: triagedComment(r.n, change.resolution!, r.by, change.reason ?? "") }),
    ),
  );
}

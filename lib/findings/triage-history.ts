import "server-only";
import { pool } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { TFindingScope } from "./scope";
import { ZFindingId } from "./triage-schemas";
import { parseInput, scopeSql } from "./triage-targets";

export type TFindingEventKind =
  | "opened"
  | "fixed"
  | "reopened"
  | "removed"
  | "resolved"
  | "unresolved"
  | "snoozed"
  | "unsnoozed"
  | "assigned"
  | "unassigned"
  | "commented";

export type TFindingEvent = {
  id: string;
  kind: TFindingEventKind;
  createdAt: Date;
  /** The user who acted; null for reports, the snooze job, tokens (see data.actorLabel) or deleted users. */
  actor: { id: string; name: string; email: string } | null;
  /** The report that caused a lifecycle event. */
  reportId: string | null;
  /** Per kind: resolved {resolution, reason}, snoozed {until}, unsnoozed {until, expired?},
   *  assigned {assigneeId, assigneeName}, commented {text}; previous* values where they existed. */
  data: Record<string, unknown>;
};

/**
 * A finding's history, oldest first (lifecycle from reports and triage by people in one list).
 * A finding outside `scope` is not_found. At most `limit` events, the most recent ones.
 */
export async function listFindingEvents(
  scope: TFindingScope,
  findingId: string,
  options: { limit?: number } = {},
): Promise<TFindingEvent[]> {
  const id = parseInput(ZFindingId, findingId, "id");
  const params: unknown[] = [id];
  const visible = scopeSql(scope, "f", params);
  const found = await pool.query(`SELECT 1 FROM findings f WHERE f.id = $1 AND ${visible}`, params);
  if (found.rowCount === 0) throw new AppError("not_found", "Finding not found.");
  const { rows } = await pool.query<{
    id: string;
    kind: TFindingEventKind;
    created_at: Date;
    actor_id: string | null;
    actor_name: string | null;
    actor_email: string | null;
    report_id: string | null;
    data: Record<string, unknown>;
  }>(
    `SELECT * FROM (
       SELECT e.id, e.kind, e.created_at, e.actor_id, u.name AS actor_name, u.email AS actor_email, e.report_id, e.data
         FROM finding_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.finding_id = $1
        ORDER BY e.created_at DESC, e.id DESC
        LIMIT $2
     ) recent ORDER BY created_at, id`,
    [id, options.limit ?? 500],
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    createdAt: r.created_at,
    actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? "", email: r.actor_email ?? "" } : null,
    reportId: r.report_id,
    data: r.data,
  }));
}

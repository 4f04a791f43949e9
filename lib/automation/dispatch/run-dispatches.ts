import "server-only";
import type pg from "pg";
import { pool } from "@/lib/server/db";
import type { TTicketVerbOptions } from "@/lib/tickets/effective-project";
import { loadDispatchFindings, loadDispatchRule, type TDispatchOutcome, type TDispatchRow } from "./dispatch-context";
import { dispatchNotify } from "./dispatch-notify";
import { dispatchPage } from "./dispatch-page";
import { dispatchTicket } from "./dispatch-ticket";

// The worker sends what rules asked for (automation_dispatches, written by the engine in the
// transaction that matched): oldest first, each claimed with FOR UPDATE SKIP LOCKED, so any number
// of workers share them. A failure that may pass (the database, a crash) is tried again after 1, 5,
// 30 minutes, 2 and 6 hours, then given up with its error kept; one that will not pass (no ticket
// project, a deleted connection) is kept on the row at once: no retry storm.

export const DISPATCH_JOB = "automation-dispatch";

/** Minutes after creation at which attempt n+1 is due (backoff 1, 5, 30, 120, 360 minutes). */
export const DISPATCH_DUE_MINUTES = [0, 1, 6, 36, 156, 516] as const;
export const MAX_DISPATCH_ATTEMPTS = DISPATCH_DUE_MINUTES.length;

export type TDispatchOptions = {
  now?: Date;
  /** At most this many dispatches in one round (the rest wait for the next). */
  limit?: number;
  /** Only this org's (tests share one database). */
  orgId?: string;
  /** createTicket's options (tests hand in an in-memory provider). */
  ticket?: TTicketVerbOptions;
};

export type TDispatchStep = { done: number; failed: number; retried: number };

async function claim(client: pg.ClientBase, now: Date, orgId: string | null): Promise<TDispatchRow | null> {
  const { rows } = await client.query<TDispatchRow>(
    `SELECT id, org_id, rule_id, action, finding_ids, attempts, created_at FROM automation_dispatches
      WHERE done_at IS NULL AND ($3::uuid IS NULL OR org_id = $3::uuid)
        AND created_at + ($2::int[])[least(attempts, cardinality($2::int[]) - 1) + 1] * interval '1 minute' <= $1
      ORDER BY created_at, id
      LIMIT 1
      FOR UPDATE SKIP LOCKED`,
    [now, DISPATCH_DUE_MINUTES, orgId],
  );
  return rows[0] ?? null;
}

async function handle(client: pg.ClientBase, row: TDispatchRow, options: TDispatchOptions, now: Date) {
  const rule = await loadDispatchRule(client, row.org_id, row.rule_id);
  if (!rule) return { error: "The rule was deleted." } satisfies TDispatchOutcome;
  const actions = rule.actions;
  if (!actions) return { error: "The rule's actions cannot be read; save the rule again." };
  const findings = await loadDispatchFindings(client, row.org_id, row.finding_ids, now);
  switch (row.action) {
    case "ticket":
      return actions.ticket ? dispatchTicket(rule, actions.ticket, findings, options.ticket) : { error: null };
    case "notify":
      return actions.notify ? dispatchNotify(client, rule, actions.notify, findings, row.created_at) : { error: null };
    case "page":
      return actions.page ? dispatchPage(client, rule, actions.page, findings, now) : { error: null };
    default:
      return { error: `Unknown action ${row.action}.` };
  }
}

/** One dispatch, in one transaction: its writes (messages, incidents) commit with its done mark. */
async function step(options: TDispatchOptions, now: Date): Promise<keyof TDispatchStep | null> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const row = await claim(client, now, options.orgId ?? null);
    if (!row) {
      await client.query("COMMIT");
      return null;
    }
    await client.query("SAVEPOINT dispatch");
    let result: keyof TDispatchStep;
    try {
      const outcome = await handle(client, row, options, now);
      await client.query(
        `UPDATE automation_dispatches SET done_at = $2, attempts = attempts + 1, error = $3 WHERE id = $1::uuid`,
        [row.id, now, outcome.error],
      );
      result = outcome.error ? "failed" : "done";
    } catch (err) {
      await client.query("ROLLBACK TO SAVEPOINT dispatch");
      const attempts = row.attempts + 1;
      const givenUp = attempts >= MAX_DISPATCH_ATTEMPTS;
      await client.query(
        `UPDATE automation_dispatches SET attempts = $2, error = $3, done_at = $4 WHERE id = $1::uuid`,
        [row.id, attempts, (err as Error).message.slice(0, 1000), givenUp ? now : null],
      );
      result = givenUp ? "failed" : "retried";
    }
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** Sends the dispatches due now, up to `limit` (default 100). */
export async function runDueDispatches(options: TDispatchOptions = {}): Promise<TDispatchStep> {
  const now = options.now ?? new Date();
  const counts: TDispatchStep = { done: 0, failed: 0, retried: 0 };
  for (let i = 0; i < (options.limit ?? 100); i++) {
    const result = await step(options, now);
    if (!result) break;
    counts[result]++;
  }
  return counts;
}

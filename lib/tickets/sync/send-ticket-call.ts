import "server-only";
import { connectionRowOf } from "@/lib/notifications/delivery/connection-row";
import type { TClaimedEvent } from "@/lib/alerting/delivery/deliver";
import type { TDeliveryOutcome } from "@/lib/alerting/delivery/outcome";
import { pool } from "@/lib/server/db";
import { openTicketSecret } from "../connection-secret";
import { effectiveProject, providerOf, type TTicketConnection, type TTicketVerbOptions } from "../effective-project";
import { composeTicket } from "../problems/compose";
import { loadTicketProblem } from "../problems/load-problem";
import { markerLabelOf } from "../problems/problem-key";
import type { TProjectSettings, TProviderIssue, TProviderResult, TTicketProvider } from "../provider";
import { isTicketConnectionKind, type TTicketSecret } from "../schemas";
import { storeCreatedIssue } from "../store-issue";
import { addTicketEvents, TICKET_COLUMNS, ticketById, type TTicketRow } from "../ticket-row";
import type { TTicketCall } from "./enqueue";
import { outcomeOf, recordProviderAnswer, redactDetail, redactText } from "./sync-log";

// The outbox worker's sender for ticket calls (channel jira/github): loads the ticket and its
// connection, makes the one call the row asks for, logs the answer on the sync log and keeps the
// connection's health. The delivery loop records the outcome, backs off and honours Retry-After.

const rejected = (error: string): TDeliveryOutcome => ({ kind: "rejected", status: 0, response: null, error });
const accepted = (message: string): TDeliveryOutcome => ({ kind: "accepted", status: 200, response: { message } });

type TCallContext = {
  event: TClaimedEvent;
  ticket: TTicketRow;
  connection: TTicketConnection;
  secret: TTicketSecret;
  provider: TTicketProvider;
  settings: TProjectSettings | null;
};

/** The ticket's connection, if it is still one of the org's ticket connections. */
async function connectionOf(orgId: string, id: string): Promise<TTicketConnection | null> {
  const row = await connectionRowOf(orgId, id);
  return row && isTicketConnectionKind(row.kind) ? { ...row, kind: row.kind } : null;
}

const log = <T>(ctx: TCallContext, action: string, result: TProviderResult<T>, done: string) =>
  recordProviderAnswer(pool, {
    orgId: ctx.ticket.org_id,
    ticketId: ctx.ticket.id,
    connection: ctx.connection,
    action,
    result,
    done,
    secret: ctx.secret,
  });

/** A create outbox row of this ticket still waiting (behind `event`, which the claim order runs first). */
async function createIsQueued(ctx: TCallContext): Promise<boolean> {
  const { rows } = await pool.query(
    `SELECT 1 FROM alert_events WHERE ticket_id = $1::uuid AND status = 'pending' AND payload->>'op' = 'create'
        AND id <> $2::bigint LIMIT 1`,
    [ctx.ticket.id, ctx.event.id],
  );
  return rows.length > 0;
}

/**
 * Makes the reserved ticket's issue: first by its marker label (an earlier attempt may have made
 * it and lost the answer), else anew. A refusal for good marks the ticket failed (its log says why),
 * which frees the problem for a new ticket.
 */
async function create(ctx: TCallContext): Promise<TProviderResult<TProviderIssue>> {
  const { ticket } = ctx;
  const marker = markerLabelOf(ticket.problem_key);
  const found = await ctx.provider.findByLabel(marker);
  await log(
    ctx,
    "create",
    found,
    found.ok && found.value ? `Found ${found.value.key} by its label ${marker}.` : `No issue with label ${marker} yet.`,
  );
  if (!found.ok) return found;
  if (found.value) {
    ctx.ticket = await storeCreatedIssue(ticket, found.value, null, "found");
    return { ...found, value: found.value };
  }
  if (!ticket.team_id)
    return {
      ok: false,
      outcome: { kind: "rejected", status: 0, response: null, error: "The ticket's team was deleted." },
    };
  const problem = await loadTicketProblem(pool, {
    orgId: ticket.org_id,
    id: ticket.id,
    teamId: ticket.team_id,
    subject: ticket.subject,
  });
  const composed = composeTicket(problem, { title: ticket.title });
  const result = await ctx.provider.createIssue({
    title: composed.title,
    body: composed.body,
    severity: composed.severity,
    labels: [marker],
    templateValues: composed.templateValues,
  });
  await log(ctx, "create", result, result.ok ? `Created ${result.value.key}.` : "");
  if (result.ok) ctx.ticket = await storeCreatedIssue(ticket, result.value, null, "created");
  else if (result.outcome.kind === "rejected") {
    await pool.query(`UPDATE tickets SET state = 'failed', last_error = $2, updated_at = now() WHERE id = $1::uuid`, [
      ticket.id,
      result.outcome.error.slice(0, 1000),
    ]);
  } else {
    await pool.query(`UPDATE tickets SET last_error = $2, updated_at = now() WHERE id = $1::uuid`, [
      ticket.id,
      result.outcome.error.slice(0, 1000),
    ]);
  }
  return result;
}

/** The issue's id for a comment or a transition; creates it first when its create call waits behind this one. */
async function externalIdOf(ctx: TCallContext): Promise<{ id: string } | { outcome: TDeliveryOutcome }> {
  if (ctx.ticket.external_id) return { id: ctx.ticket.external_id };
  if (ctx.ticket.state !== "creating") return { outcome: rejected("The ticket was never created.") };
  // A create row queued after this call (a retried creation) would wait behind it forever: make it now.
  if (await createIsQueued(ctx)) {
    const made = await create(ctx);
    return made.ok ? { id: made.value.externalId } : { outcome: outcomeOf(made) };
  }
  return { outcome: { kind: "retry", status: null, response: null, error: "Waiting for the ticket to be created." } };
}

async function transition(
  ctx: TCallContext,
  call: Extract<TTicketCall, { op: "transition" }>,
): Promise<TDeliveryOutcome> {
  const target = await externalIdOf(ctx);
  if ("outcome" in target) return target.outcome;
  const result = await ctx.provider.transition(target.id, call.to, call.comment);
  await log(
    ctx,
    "transition",
    result,
    result.ok ? `Moved ${result.value.key} to ${result.value.status} (${call.to}).` : "",
  );
  if (!result.ok) return result.outcome;
  const issue = result.value;
  const { rows } = await pool.query<TTicketRow>(
    `UPDATE tickets t SET state = $2::ticket_state, provider_status = $3, last_error = NULL, updated_at = now(),
            closed_at = CASE WHEN $2 = 'open' THEN NULL ELSE coalesce(t.closed_at, now()) END
      WHERE t.id = $1::uuid RETURNING ${TICKET_COLUMNS}`,
    [ctx.ticket.id, issue.state, issue.status],
  );
  if (rows[0]) {
    await addTicketEvents(pool, rows[0], null, {
      action: call.to === "reopen" ? "reopened" : "closed",
      key: issue.key,
      url: issue.url,
      status: issue.status,
    });
  }
  return outcomeOf(result, issue.key);
}

async function perform(ctx: TCallContext, call: TTicketCall): Promise<TDeliveryOutcome> {
  if (call.op === "create") {
    if (ctx.ticket.external_id) return accepted(`Already created as ${ctx.ticket.external_key}.`);
    if (ctx.ticket.state !== "creating") return rejected("The ticket no longer waits to be created.");
    const made = await create(ctx);
    return outcomeOf(made, made.ok ? made.value.key : undefined);
  }
  if (call.op === "comment") {
    const target = await externalIdOf(ctx);
    if ("outcome" in target) return target.outcome;
    const result = await ctx.provider.addComment(target.id, call.body);
    await log(ctx, "comment", result, result.ok ? `Commented on ${ctx.ticket.external_key ?? target.id}.` : "");
    return outcomeOf(result, result.ok ? result.value.id : undefined);
  }
  if (call.op === "transition") return transition(ctx, call);
  return rejected(`Not a ticket call: ${(call as { op?: unknown }).op}.`);
}

export async function sendTicketCall(
  event: TClaimedEvent,
  options: TTicketVerbOptions = {},
): Promise<TDeliveryOutcome> {
  const ticket = event.ticketId ? await ticketById(pool, event.orgId, event.ticketId) : null;
  const connection = ticket?.connection_id ? await connectionOf(event.orgId, ticket.connection_id) : null;
  if (!ticket || !connection) return rejected("The ticket or connection was deleted.");
  // A broken connection is not called until an admin fixes it (or a test works).
  if (connection.status === "broken") {
    return {
      kind: "broken",
      status: null,
      response: null,
      error: `The connection is broken (${connection.broken_reason ?? "refused"}); fix it in Settings → Integrations.`,
    };
  }
  let secret: TTicketSecret;
  try {
    secret = openTicketSecret(connection.id, connection.secret_ciphertext);
  } catch (err) {
    return rejected(`The connection's secret does not open: ${(err as Error).message}`);
  }
  // The team's project names Jira's transitions and where to file; a team that moved to another
  // connection since keeps this ticket on its own connection, without those settings.
  const project = ticket.team_id ? await effectiveProject(pool, event.orgId, ticket.team_id).catch(() => null) : null;
  const settings = project?.connection.id === connection.id ? project.settings : null;
  const call = event.payload as TTicketCall;
  if (call.op === "create" && !settings && !ticket.external_id) {
    return rejected("The team's ticket project changed or was removed; create the ticket again.");
  }
  const provider = await providerOf(connection, settings, options);
  return withoutSecret(await perform({ event, ticket, connection, secret, provider, settings }, call), secret);
}

/** The outcome as the delivery log keeps it: the provider's words without the connection's secret. */
function withoutSecret(outcome: TDeliveryOutcome, secret: TTicketSecret): TDeliveryOutcome {
  const response = outcome.response ? redactDetail(outcome.response, secret) : (outcome.response ?? null);
  if (outcome.kind === "accepted") return { ...outcome, response };
  return { ...outcome, response, error: redactText(outcome.error, secret) } as TDeliveryOutcome;
}

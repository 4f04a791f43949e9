import "server-only";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { pool } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { inTransaction } from "@/lib/server/sql";
import { link, paragraph, text, type TTicketDoc } from "./document";
import {
  effectiveProject,
  INTERACTIVE_TIMEOUT_MS,
  providerOf,
  type TEffectiveProject,
  type TTicketVerbOptions,
} from "./effective-project";
import { composeTicket, type TComposedTicket } from "./problems/compose";
import { loadProblem, openFindingsOf, type TProblem } from "./problems/load-problem";
import type { TProviderResult, TProviderIssue } from "./provider";
import { ZCreateTicketInput, type TCreateTicketInput } from "./schemas";
import { enqueueTicketCalls } from "./sync/enqueue";
import { recordProviderAnswer } from "./sync/sync-log";
import { chipOf, TICKET_COLUMNS, type TTicketRow } from "./ticket-row";
import type { TTicketChip } from "./views";
import { storeCreatedIssue } from "./store-issue";

// Making a ticket for a problem: one per problem, ever. The reservation (a `creating` row) is
// inserted against the partial unique index tickets_one_open_per_problem, so of two requests at
// once exactly one reserves and the other comments on its ticket through the outbox. The provider
// is called outside the transaction; if it cannot answer now the outbox keeps the intent.

export type TTicketActor = TAuditEntry["actor"];
export type TCreateTicketResult = { outcome: "created" | "commented" | "queued"; ticket: TTicketChip };

export const NO_PROJECT_MESSAGE =
  "Tickets are not set up for this team: a team admin must choose a Jira or GitHub project (Team → Tickets → Settings).";

const actorUserId = (actor: TTicketActor) => ("userId" in actor ? actor.userId : null);
const plural = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;

export function brokenConnectionMessage(connection: { name: string; broken_reason: string | null }): string {
  return `The ticket connection “${connection.name}” does not work (${connection.broken_reason ?? "refused"}); an admin must fix it in Settings → Integrations.`;
}

/** The project to file into, or why there is none. */
export async function usableProject(orgId: string, teamId: string): Promise<TEffectiveProject> {
  const project = await effectiveProject(pool, orgId, teamId);
  if (!project) throw new AppError("conflict", NO_PROJECT_MESSAGE);
  if (project.connection.status === "broken")
    throw new AppError("conflict", brokenConnectionMessage(project.connection));
  return project;
}

type TReserved = { kind: "reserved"; ticket: TTicketRow } | { kind: "existing"; ticket: TTicketRow };

function askedAgain(actor: TTicketActor, composed: TComposedTicket): TTicketDoc {
  return {
    blocks: [
      paragraph(
        text(
          `${actor.label} asked for this again in Bumpers: ${plural(composed.resourceCount, "resource")} affected now. `,
        ),
        link("Open in Bumpers", composed.url),
      ),
    ],
  };
}

async function reserve(
  orgId: string,
  actor: TTicketActor,
  problem: TProblem,
  project: TEffectiveProject,
  composed: TComposedTicket,
): Promise<TReserved> {
  const openCount = openFindingsOf(problem).length;
  const findingIds = problem.findings.map((f) => f.id);
  return inTransaction(pool, async (client) => {
    // A ticket of the problem deleted meanwhile (a refused creation) frees the key: try again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const inserted = await client.query<TTicketRow>(
        `INSERT INTO tickets AS t (org_id, team_id, connection_id, provider, problem_key, subject, title, state,
                                   open_count, affected_count, created_by)
         VALUES ($1::uuid, $2::uuid, $3::uuid, $4::ticket_provider, $5, $6::jsonb, $7, 'creating', $8, $9, $10::uuid)
         ON CONFLICT (org_id, problem_key) WHERE state IN ('creating', 'open') DO NOTHING
         RETURNING ${TICKET_COLUMNS}`,
        [
          orgId,
          problem.team.id,
          project.connection.id,
          project.provider,
          problem.key,
          JSON.stringify(problem.subject),
          composed.title,
          openCount,
          findingIds.length,
          actorUserId(actor),
        ],
      );
      const reserved = inserted.rows[0];
      if (reserved) {
        await client.query(
          `INSERT INTO ticket_findings (org_id, ticket_id, finding_id) SELECT $1::uuid, $2::uuid, unnest($3::uuid[])`,
          [orgId, reserved.id, findingIds],
        );
        return { kind: "reserved", ticket: reserved };
      }
      const existing = await client.query<TTicketRow & { connection_name: string | null }>(
        `SELECT ${TICKET_COLUMNS}, c.name AS connection_name FROM tickets t
           LEFT JOIN notification_connections c ON c.id = t.connection_id
          WHERE t.org_id = $1::uuid AND t.problem_key = $2 AND t.state IN ('creating', 'open')
          FOR UPDATE OF t`,
        [orgId, problem.key],
      );
      const ticket = existing.rows[0];
      if (!ticket) continue;
      await client.query(
        `INSERT INTO ticket_findings (org_id, ticket_id, finding_id) SELECT $1::uuid, $2::uuid, unnest($3::uuid[])
         ON CONFLICT DO NOTHING`,
        [orgId, ticket.id, findingIds],
      );
      if (ticket.connection_id) {
        await enqueueTicketCalls(client, orgId, [
          {
            ticketId: ticket.id,
            teamId: ticket.team_id,
            connectionId: ticket.connection_id,
            connectionName: ticket.connection_name ?? "",
            provider: ticket.provider,
            target: ticket.external_key ?? "",
            call: { op: "comment", body: askedAgain(actor, composed) },
          },
        ]);
      }
      await recordAudit(client, {
        orgId,
        actor,
        action: "ticket.requested_again",
        target: { type: "ticket", id: ticket.id, label: ticket.external_key ?? ticket.title },
      });
      return { kind: "existing", ticket };
    }
    throw new AppError("conflict", "Someone else is changing this problem's ticket; try again.");
  });
}

/**
 * Makes the problem's ticket, or comments on the one it has. Callable from the worker (automation
 * rules): it needs no request, only who acts.
 */
export async function createTicket(
  orgId: string,
  actor: TTicketActor,
  input: TCreateTicketInput,
  options: TTicketVerbOptions = {},
): Promise<TCreateTicketResult> {
  const parsed = ZCreateTicketInput.parse(input);
  const problem = await loadProblem(pool, orgId, parsed.teamId, parsed.subject);
  if (!openFindingsOf(problem).length) throw new AppError("unprocessable", "Nothing open to make a ticket for.");
  const project = await usableProject(orgId, parsed.teamId);
  const composed = composeTicket(problem, { title: parsed.title });
  const reserved = await reserve(orgId, actor, problem, project, composed);
  if (reserved.kind === "existing") return { outcome: "commented", ticket: chipOf(reserved.ticket) };
  const ticket = reserved.ticket;

  let result: TProviderResult<TProviderIssue>;
  try {
    const provider = await providerOf(project.connection, project.settings, {
      ...options,
      timeoutMs: INTERACTIVE_TIMEOUT_MS,
    });
    result = await provider.createIssue({
      title: composed.title,
      body: composed.body,
      severity: composed.severity,
      labels: [problem.marker],
      templateValues: composed.templateValues,
    });
  } catch (err) {
    // A provider answers results; a throw is a bug or a network surprise: the outbox tries again.
    result = { ok: false, outcome: { kind: "retry", status: null, error: (err as Error).message } };
  }

  // On the ticket's log while it exists; on the connection's once a refusal deleted it.
  const logAnswer = (ticketId: string | null) =>
    recordProviderAnswer(pool, {
      orgId,
      ticketId,
      connection: project.connection,
      action: "create",
      result,
      done: result.ok ? `Created ${result.value.key}.` : "",
    });
  if (result.ok) {
    const stored = await storeCreatedIssue(ticket, result.value, actor, "created");
    await logAnswer(ticket.id);
    return { outcome: "created", ticket: chipOf(stored) };
  }

  const { outcome } = result;
  if (outcome.kind === "retry") {
    const now = options.now ?? new Date();
    await inTransaction(pool, async (client) => {
      await client.query(`UPDATE tickets SET last_error = $2, updated_at = now() WHERE id = $1::uuid`, [
        ticket.id,
        outcome.error.slice(0, 1000),
      ]);
      await enqueueTicketCalls(client, orgId, [
        {
          ticketId: ticket.id,
          teamId: ticket.team_id,
          connectionId: project.connection.id,
          connectionName: project.connection.name,
          provider: project.provider,
          target: "",
          call: { op: "create" },
          notBefore: new Date(now.getTime() + (outcome.retryAfterMs ?? 0)),
        },
      ]);
      await recordAudit(client, {
        orgId,
        actor,
        action: "ticket.created",
        target: { type: "ticket", id: ticket.id, label: ticket.title },
        after: { state: "creating", queued: true },
      });
    });
    await logAnswer(ticket.id);
    return { outcome: "queued", ticket: chipOf(ticket) };
  }

  // Refused: the reservation goes (its findings links with it); the connection's log keeps why.
  await pool.query(`DELETE FROM tickets WHERE id = $1::uuid`, [ticket.id]);
  await logAnswer(null);
  if (outcome.kind === "broken") {
    throw new AppError(
      "conflict",
      brokenConnectionMessage({ name: project.connection.name, broken_reason: outcome.error }),
    );
  }
  throw new AppError("bad_request", outcome.error, { fieldErrors: result.fieldErrors ?? {} });
}

import "server-only";
import type { PoolClient } from "pg";
import { recordAudit } from "@/lib/audit/record-audit";
import { pool } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { inTransaction } from "@/lib/server/sql";
import { usableProject, brokenConnectionMessage, type TTicketActor } from "./create-ticket";
import {
  INTERACTIVE_TIMEOUT_MS,
  providerOf,
  type TEffectiveProject,
  type TTicketVerbOptions,
} from "./effective-project";
import { loadProblem, type TProblem } from "./problems/load-problem";
import type { TProviderIssue } from "./provider";
import { ZLinkTicketInput, type TLinkTicketInput } from "./schemas";
import { recordProviderAnswer } from "./sync/sync-log";
import { addTicketEvents, chipOf, TICKET_COLUMNS, type TTicketRow } from "./ticket-row";
import type { TTicketChip } from "./views";

// Linking an issue someone already filed: Bumpers follows it like its own (state both ways) but
// never made it. An issue already followed gains the problem's findings; a problem that already
// has another open ticket is refused (never two tickets for one problem).

export type TLinkTicketResult = { outcome: "linked" | "added"; ticket: TTicketChip };

const actorUserId = (actor: TTicketActor) => ("userId" in actor ? actor.userId : null);

async function issueOf(
  orgId: string,
  project: TEffectiveProject,
  reference: string,
  options: TTicketVerbOptions,
): Promise<TProviderIssue> {
  const provider = await providerOf(project.connection, project.settings, {
    ...options,
    timeoutMs: INTERACTIVE_TIMEOUT_MS,
  });
  const result = await provider.getIssue(reference).catch((err: Error) => ({
    ok: false as const,
    outcome: { kind: "retry" as const, status: null, error: err.message },
  }));
  await recordProviderAnswer(pool, {
    orgId,
    ticketId: null,
    connection: project.connection,
    action: "link",
    result,
    done: result.ok ? `Found ${result.value.key} to link.` : "",
  });
  if (result.ok) return result.value;
  const { outcome } = result;
  if (outcome.kind === "broken") {
    throw new AppError(
      "conflict",
      brokenConnectionMessage({ name: project.connection.name, broken_reason: outcome.error }),
    );
  }
  if (outcome.kind === "retry")
    throw new AppError("unavailable", `The ticket could not be read now (${outcome.error}); try again.`);
  throw new AppError("bad_request", outcome.error || "No such ticket.", { field: "reference" });
}

/** Links into the existing row of this issue: only the same team's. */
async function addToExisting(
  client: PoolClient,
  existing: TTicketRow,
  problem: TProblem,
  actor: TTicketActor,
): Promise<TTicketRow> {
  if (existing.team_id !== problem.team.id) {
    throw new AppError("conflict", `${existing.external_key} is already another team's ticket.`, {
      field: "reference",
    });
  }
  const added = await client.query<{ finding_id: string }>(
    `INSERT INTO ticket_findings (org_id, ticket_id, finding_id) SELECT $1::uuid, $2::uuid, unnest($3::uuid[])
     ON CONFLICT DO NOTHING RETURNING finding_id`,
    [problem.orgId, existing.id, problem.findings.map((f) => f.id)],
  );
  const ids = added.rows.map((r) => r.finding_id);
  if (ids.length) {
    await addTicketEvents(
      client,
      existing,
      actorUserId(actor),
      { action: "linked", key: existing.external_key, url: existing.url },
      ids,
    );
  }
  return existing;
}

async function insertLinked(
  client: PoolClient,
  project: TEffectiveProject,
  problem: TProblem,
  issue: TProviderIssue,
  actor: TTicketActor,
): Promise<TTicketRow> {
  const other = await client.query<{ external_key: string | null; title: string }>(
    `SELECT external_key, title FROM tickets WHERE org_id = $1::uuid AND problem_key = $2 AND state IN ('creating', 'open')`,
    [problem.orgId, problem.key],
  );
  const taken = (name: string) =>
    new AppError("conflict", `This problem already has a ticket (${name}); unlink it first to link another.`, {
      field: "reference",
    });
  if (other.rows[0]) throw taken(other.rows[0].external_key ?? other.rows[0].title);
  const { rows } = await client.query<TTicketRow>(
    `INSERT INTO tickets AS t (org_id, team_id, connection_id, provider, problem_key, subject, title, external_id,
                               external_key, url, state, provider_status, linked, open_count, affected_count, created_by,
                               closed_at)
     VALUES ($1::uuid, $2::uuid, $3::uuid, $4::ticket_provider, $5, $6::jsonb, $7, $8, $9, $10, $11::ticket_state, $12,
             true, $13, $14, $15::uuid, CASE WHEN $11 = 'open' THEN NULL ELSE now() END)
     ON CONFLICT DO NOTHING
     RETURNING ${TICKET_COLUMNS}`,
    [
      problem.orgId,
      problem.team.id,
      project.connection.id,
      project.provider,
      problem.key,
      JSON.stringify(problem.subject),
      issue.title,
      issue.externalId,
      issue.key,
      issue.url,
      issue.state,
      issue.status,
      problem.findings.filter((f) => f.status === "open").length,
      problem.findings.length,
      actorUserId(actor),
    ],
  );
  // Someone made or linked one in the meantime.
  if (!rows[0]) throw taken("made just now");
  await client.query(
    `INSERT INTO ticket_findings (org_id, ticket_id, finding_id) SELECT $1::uuid, $2::uuid, unnest($3::uuid[])`,
    [problem.orgId, rows[0].id, problem.findings.map((f) => f.id)],
  );
  await addTicketEvents(client, rows[0], actorUserId(actor), { action: "linked", key: issue.key, url: issue.url });
  return rows[0];
}

export async function linkTicket(
  orgId: string,
  actor: TTicketActor,
  input: TLinkTicketInput,
  options: TTicketVerbOptions = {},
): Promise<TLinkTicketResult> {
  const parsed = ZLinkTicketInput.parse(input);
  const problem = await loadProblem(pool, orgId, parsed.teamId, parsed.subject);
  if (!problem.findings.length) throw new AppError("unprocessable", "Nothing open to link a ticket to.");
  const project = await usableProject(orgId, parsed.teamId);
  const issue = await issueOf(orgId, project, parsed.reference, options);
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<TTicketRow>(
      `SELECT ${TICKET_COLUMNS} FROM tickets t
        WHERE t.org_id = $1::uuid AND t.connection_id = $2::uuid AND t.external_id = $3 FOR UPDATE`,
      [orgId, project.connection.id, issue.externalId],
    );
    const existing = rows[0];
    const ticket = existing
      ? await addToExisting(client, existing, problem, actor)
      : await insertLinked(client, project, problem, issue, actor);
    await recordAudit(client, {
      orgId,
      actor,
      action: "ticket.linked",
      target: { type: "ticket", id: ticket.id, label: issue.key },
      after: { key: issue.key, url: issue.url, findings: problem.findings.length },
    });
    return { outcome: existing ? "added" : "linked", ticket: chipOf(ticket) };
  });
}

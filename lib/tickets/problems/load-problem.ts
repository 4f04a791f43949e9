import "server-only";
import { appBaseUrl } from "@/lib/alerting/engine/context";
import { sqlOf, type TSqlClient } from "@/lib/alerting/engine/sql";
import { AppError } from "@/lib/server/errors";
import type { TTicketSubject } from "../schemas";
import type { TProblemContext } from "./compose";
import { findingsOfSubject, findingsOfTicket, type TProblemFinding } from "./findings-of-subject";
import { canonicalSubject, markerLabelOf, problemKeyOf } from "./problem-key";

// A problem as the verbs and the sender need it: its team (of the org, else not found), its key
// and marker label, and its findings. The base URL comes from configuration (NEXTAUTH_URL), not a
// request, so the worker composes the same links as a page does.

export type TProblem = TProblemContext & { orgId: string; key: string; marker: string };

async function teamOf(client: TSqlClient, orgId: string, teamId: string) {
  const { rows } = await sqlOf(client).query<{ id: string; slug: string; name: string; org_slug: string }>(
    `SELECT t.id, t.slug, t.name, o.slug AS org_slug FROM teams t JOIN organizations o ON o.id = t.org_id
      WHERE t.id = $1::uuid AND t.org_id = $2::uuid`,
    [teamId, orgId],
  );
  const team = rows[0];
  if (!team) throw new AppError("not_found", "Team not found.");
  return team;
}

function problemOf(
  orgId: string,
  team: Awaited<ReturnType<typeof teamOf>>,
  subject: TTicketSubject,
  findings: TProblemFinding[],
): TProblem {
  const key = problemKeyOf(orgId, team.id, subject);
  return {
    orgId,
    key,
    marker: markerLabelOf(key),
    baseUrl: appBaseUrl(),
    orgSlug: team.org_slug,
    team: { id: team.id, slug: team.slug, name: team.name },
    subject: canonicalSubject(subject),
    findings,
  };
}

/** The problem with the subject's findings in the team now. */
export async function loadProblem(
  client: TSqlClient,
  orgId: string,
  teamId: string,
  subject: TTicketSubject,
): Promise<TProblem> {
  const team = await teamOf(client, orgId, teamId);
  return problemOf(orgId, team, subject, await findingsOfSubject(client, orgId, team.id, subject));
}

/** The problem of a stored ticket, with the findings it covers. */
export async function loadTicketProblem(
  client: TSqlClient,
  ticket: { orgId: string; id: string; teamId: string; subject: TTicketSubject },
): Promise<TProblem> {
  const team = await teamOf(client, ticket.orgId, ticket.teamId);
  return problemOf(ticket.orgId, team, ticket.subject, await findingsOfTicket(client, ticket.orgId, ticket.id));
}

/** Findings still open among the problem's (the rest were chosen one by one and are fixed). */
export const openFindingsOf = (problem: { findings: readonly TProblemFinding[] }) =>
  problem.findings.filter((f) => f.status === "open");

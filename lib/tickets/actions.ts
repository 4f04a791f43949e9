"use server";

import { z } from "zod";
import { teamAction } from "@/lib/api/action";
import { pool } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { createTicket } from "./create-ticket";
import { plainTextOf } from "./document";
import { effectiveProject } from "./effective-project";
import { linkTicket } from "./link-ticket";
import { composeTicket } from "./problems/compose";
import { loadProblem, openFindingsOf } from "./problems/load-problem";
import { getTicket, ticketOfSubject } from "./queries";
import { ZTicketId, ZTicketSubject } from "./schemas";
import { unlinkTicket } from "./unlink-ticket";

// The ticket dialog's actions: preview, create, link and unlink. Any member who may triage the
// team's findings may file its tickets; the team in the form decides whose findings count.

/** The subject as the dialog posts it (a JSON string) or as code passes it (an object). */
const ZSubjectField = z.preprocess((v) => {
  if (typeof v !== "string") return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return v;
  }
}, ZTicketSubject);

const TRIAGE = {
  permission: "team:triage" as const,
  revalidate: [
    { path: "/findings", type: "layout" as const },
    { path: "/teams", type: "layout" as const },
    { path: "/vulnerabilities", type: "layout" as const },
  ],
};

const ZTitle = z.string().trim().max(250).default("");

export const previewTicketAction = teamAction(
  { permission: "team:triage", input: z.object({ subject: ZSubjectField, title: ZTitle }) },
  async ({ input, access }) => {
    const problem = await loadProblem(pool, access.org.id, access.team.id, input.subject);
    const composed = composeTicket(problem, { title: input.title });
    // Settings an admin must fix show on create; the preview still shows the text.
    const project = await effectiveProject(pool, access.org.id, access.team.id).catch((err: unknown) => {
      if (err instanceof AppError) return null;
      throw err;
    });
    return {
      title: composed.title,
      bodyText: plainTextOf(composed.body),
      findingCount: openFindingsOf(problem).length,
      project: project
        ? {
            provider: project.provider,
            name:
              project.settings.provider === "jira"
                ? project.settings.projectKey
                : `${project.settings.owner}/${project.settings.repo}`,
          }
        : null,
      existing: await ticketOfSubject(access.org.id, access.team.id, input.subject),
    };
  },
);

export const createTicketAction = teamAction(
  { ...TRIAGE, input: z.object({ subject: ZSubjectField, title: ZTitle }) },
  ({ input, access, actor }) =>
    createTicket(access.org.id, actor, { teamId: access.team.id, subject: input.subject, title: input.title }),
);

export const linkTicketAction = teamAction(
  {
    ...TRIAGE,
    input: z.object({
      subject: ZSubjectField,
      reference: z.string().trim().min(1, "Enter the ticket's key or URL.").max(500),
    }),
  },
  ({ input, access, actor }) =>
    linkTicket(access.org.id, actor, { teamId: access.team.id, subject: input.subject, reference: input.reference }),
);

export const unlinkTicketAction = teamAction(
  { ...TRIAGE, input: z.object({ ticketId: ZTicketId }) },
  async ({ input, access, actor }) => {
    // Only the named team's ticket: another team's id reads as absent.
    const ticket = await getTicket(access.org.id, input.ticketId);
    if (!ticket || ticket.team?.id !== access.team.id) throw new AppError("not_found", "Ticket not found.");
    return unlinkTicket(access.org.id, actor, input.ticketId);
  },
);

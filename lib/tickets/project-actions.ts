"use server";

import { z } from "zod";
import { teamAction } from "@/lib/api/action";
import { createTestTicket } from "./projects/create-test-ticket";
import { deleteTicketProject } from "./projects/delete-ticket-project";
import { projectOptionsFor } from "./projects/project-options";
import { saveTicketProject } from "./projects/save-ticket-project";
import { projectFieldErrors, ticketProjectFromForm } from "./projects/ui-form";
import { ZTicketProjectInput } from "./schemas";

// Where tickets go: the org default (empty `team`: org admins, like Settings → Integrations) or a
// team's own (its team admins; org admins act as team admins), through one set of actions.

const OWNER = { permission: "team:routing:manage", withoutTeam: "org:integrations:manage" } as const;
const OWNER_WRITE = {
  ...OWNER,
  revalidate: [
    { path: "/settings/tickets", type: "page" },
    { path: "/teams", type: "layout" },
  ],
} as const;
const ownerOf = (team: { id: string } | null | undefined) => ({ teamId: team?.id ?? null });
const projectForm = (form: FormData) => ({
  org: form.get("org"),
  team: form.get("team") ?? "",
  project: ticketProjectFromForm(form),
});

export const saveTicketProjectAction = teamAction(
  {
    ...OWNER_WRITE,
    revalidate: [...OWNER_WRITE.revalidate],
    fromForm: projectForm,
    input: z.object({ project: ZTicketProjectInput }),
    formFields: projectFieldErrors,
  },
  ({ input, access, actor, team }) => saveTicketProject(access.org.id, actor, ownerOf(team), input.project),
);

/** The team uses the org default again (or the org has no default). */
export const deleteTicketProjectAction = teamAction(
  { ...OWNER_WRITE, revalidate: [...OWNER_WRITE.revalidate] },
  async ({ access, actor, team }) => {
    await deleteTicketProject(access.org.id, actor, ownerOf(team));
    return null;
  },
);

/** Issue types, components, priorities, fields and milestones for the draft in the form. */
export const ticketProjectOptionsAction = teamAction(
  {
    ...OWNER,
    fromForm: projectForm,
    input: z.object({ project: z.object({ connectionId: z.string(), settings: z.unknown() }) }),
    formFields: projectFieldErrors,
  },
  ({ input, access, team }) =>
    projectOptionsFor(access.org.id, ownerOf(team), input.project as Parameters<typeof projectOptionsFor>[2]),
);

/** A real ticket with the saved settings, removed again; the answer and the workflow's transitions. */
export const createTestTicketAction = teamAction(OWNER, ({ access, actor, team }) =>
  createTestTicket(access.org.id, actor, ownerOf(team)),
);

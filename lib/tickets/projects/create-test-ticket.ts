import "server-only";
import type { TAuditEntry } from "@/lib/audit/record-audit";
import { recordConnectionHealth } from "@/lib/notifications/connections/health";
import { pool } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { bold, paragraph, text, type TTicketDoc } from "../document";
import { effectiveProject, providerOf } from "../effective-project";
import type { TProviderFailure, TTicketProvider } from "../provider";
import type { TProviderOptions } from "../provider-seam";
import { writeSyncLog } from "../sync/sync-log";
import type { TProjectOwner } from "./owner";

// "Create a test ticket": one real issue with the saved settings, the provider's answer as it came
// (key, link, status, or the refusal with its field errors), the workflow's transitions (the form
// picks done / won't do / reopen from them), then the issue removed again. Both calls go to the
// sync log, without secrets.

export const TEST_TICKET_TITLE = "Bumpers test ticket";

export type TTestTicketResult = {
  created:
    | { ok: true; key: string; url: string; status: string }
    | { ok: false; status: number | null; message: string; fieldErrors: Record<string, string> };
  transitions: { id: string; name: string; category: string }[];
  /** Null when nothing was created. */
  removed: { ok: boolean; message: string } | null;
};

const bodyOf = (actor: TAuditEntry["actor"]): TTicketDoc => ({
  blocks: [
    paragraph(text(`${actor.label} asked Bumpers to create this ticket to test its ticket settings.`)),
    paragraph(bold("It is removed right away"), text(" (or closed as not planned where it cannot be deleted).")),
  ],
});

const failureText = (f: TProviderFailure) => `${f.outcome.status ? `${f.outcome.status} ` : ""}${f.outcome.error}`;

async function removeAgain(provider: TTicketProvider, externalId: string, key: string) {
  const removed = await provider.removeTestIssue(externalId);
  return removed.ok
    ? { ok: true, status: removed.status, message: `Removed ${key} again.` }
    : { ok: false, status: removed.outcome.status, message: `Could not remove ${key}: ${failureText(removed)}` };
}

export async function createTestTicket(
  orgId: string,
  actor: TAuditEntry["actor"],
  owner: TProjectOwner,
  options: TProviderOptions = {},
): Promise<TTestTicketResult> {
  // A team without its own project tests the org default it files into.
  const project = await effectiveProject(pool, orgId, owner.teamId);
  if (!project) throw new AppError("bad_request", "Save the ticket settings first.");
  const { connection } = project;
  const provider = await providerOf(connection, project.settings, options);
  /** One line of the connection's sync log: a test call belongs to no ticket. */
  const logTestCall = (entry: {
    ok: boolean;
    status: number | null;
    summary: string;
    detail: Record<string, unknown>;
  }) =>
    writeSyncLog(pool, {
      orgId,
      ticketId: null,
      connectionId: connection.id,
      direction: "out",
      action: "test",
      ...entry,
    });

  const created = await provider.createIssue({
    title: TEST_TICKET_TITLE,
    body: bodyOf(actor),
    severity: "low",
    labels: [],
    templateValues: { severity: "low", check: "bumpers-test", cluster: "", team: "", url: "" },
  });
  await recordConnectionHealth(
    connection.id,
    created.ok ? { kind: "accepted", status: created.status, response: null } : created.outcome,
  );
  if (!created.ok) {
    await logTestCall({
      ok: false,
      status: created.outcome.status,
      summary: `Test ticket refused: ${failureText(created)}`,
      detail: { step: "create", by: actor.label, fieldErrors: created.fieldErrors ?? {} },
    });
    return {
      created: {
        ok: false,
        status: created.outcome.status,
        message: created.outcome.error,
        fieldErrors: created.fieldErrors ?? {},
      },
      transitions: [],
      removed: null,
    };
  }
  const issue = created.value;
  await logTestCall({
    ok: true,
    status: created.status,
    summary: `Test ticket ${issue.key} created (${issue.status}).`,
    detail: { step: "create", by: actor.label, key: issue.key, url: issue.url },
  });
  const listed = await provider.listTransitions(issue.externalId);
  const removed = await removeAgain(provider, issue.externalId, issue.key);
  await logTestCall({
    ok: removed.ok,
    status: removed.status,
    summary: removed.message,
    detail: { step: "remove", by: actor.label, key: issue.key },
  });
  return {
    created: { ok: true, key: issue.key, url: issue.url, status: issue.status },
    transitions: listed.ok ? listed.value : [],
    removed: { ok: removed.ok, message: removed.message },
  };
}

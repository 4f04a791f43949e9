import { bold, paragraph, text, type TTicketDoc, type TTicketInline } from "../document";

// The comments Bumpers writes on tickets when reports or triage change its findings. Plain
// structure: each provider renders its own markup (lib/tickets/document.ts).

/** At most this many resources are listed in a "fixed" comment. */
export const LISTED_RESOURCES = 10;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** "2026-12-09 14:05 UTC": the same for every reader, whatever their time zone. */
export const formatTime = (at: Date) => `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
export const formatDate = (at: Date) => at.toISOString().slice(0, 10);
const PROVIDER_NAMES = { jira: "Jira", github: "GitHub" } as const;

const doc = (...blocks: TTicketDoc["blocks"]): TTicketDoc => ({ blocks });

/** All findings are gone from the latest reports (the ticket is moved to done with it). */
export function fixedComment(total: number, resources: readonly string[]): TTicketDoc {
  const head = paragraph(
    bold("Fixed: "),
    text(`the latest reports no longer show it on any of the ${plural(total, "resource")}.`),
  );
  if (!resources.length) return doc(head);
  const items: TTicketInline[][] = resources.slice(0, LISTED_RESOURCES).map((r) => [text(r)]);
  if (total > items.length) items.push([text(`and ${total - items.length} more`)]);
  return doc(head, { type: "bullets", items });
}

/** Findings came back after the ticket was closed (the ticket is reopened with it). */
export const regressedComment = (open: number, reportAt: Date): TTicketDoc =>
  doc(paragraph(text(`It is back on ${plural(open, "resource")} (report of ${formatTime(reportAt)}).`)));

/** More resources show the problem than the ticket was last told. */
export const grewComment = (added: number, open: number): TTicketDoc =>
  doc(paragraph(text(`+${plural(added, "resource")} now ${added === 1 ? "shows" : "show"} it (${open} in all).`)));

/** Closed as done in the provider, but a later report still has the problem. */
export const stillFailingComment = (
  provider: "jira" | "github",
  closedAt: Date,
  reportAt: Date,
  open: number,
): TTicketDoc =>
  doc(
    paragraph(
      text(
        `Closed in ${PROVIDER_NAMES[provider]} on ${formatDate(closedAt)}, but the report of ${formatTime(reportAt)} ` +
          `still shows it on ${plural(open, "resource")}.`,
      ),
    ),
  );

const RESOLUTION_WORDS: Record<string, string> = {
  will_not_fix: "will not fix",
  working_as_intended: "working as intended",
};

/** Someone resolved some of the ticket's findings in Bumpers. */
export const triagedComment = (count: number, resolution: string, by: string, reason: string): TTicketDoc =>
  doc(
    paragraph(
      text(
        `${plural(count, "resource")} resolved as ${RESOLUTION_WORDS[resolution] ?? resolution} in Bumpers by ${by}` +
          (reason ? `: ${reason}` : "."),
      ),
    ),
  );

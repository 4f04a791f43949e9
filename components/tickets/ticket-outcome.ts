import type { TTicketChip } from "@/lib/tickets/views";
import { PROVIDER_LABELS } from "./ticket-chip-label";

// What the dialog says after sending, and what its button says before. Pure, for tests.

export type TTicketOutcome = "created" | "queued" | "commented" | "linked";

/** The sentence the dialog shows after a success. */
export function ticketOutcomeText(outcome: TTicketOutcome, ticket: TTicketChip): string {
  const provider = PROVIDER_LABELS[ticket.provider];
  const name = ticket.key ?? "the ticket";
  switch (outcome) {
    case "created":
      return `Created ${name} in ${provider}. It follows these findings: fixed ones close it, new ones are added.`;
    case "queued":
      return `${provider} did not answer yet; Bumpers will create it and retry — the chip shows Creating… until then.`;
    case "commented":
      return `Added a comment to ${name} with these findings.`;
    case "linked":
      return `Linked ${name}. It now follows these findings both ways.`;
  }
}

/** The create button: a new ticket, or a comment on the one this problem already has. */
export function createButtonLabel(existing: TTicketChip | null, provider: "jira" | "github" | null): string {
  if (existing) return existing.key ? `Add comment to ${existing.key}` : "Add comment to the ticket";
  return provider === "github" ? "Create GitHub issue" : provider === "jira" ? "Create Jira ticket" : "Create ticket";
}

/** Provider field errors ("customfield_10010" → message) other than the form's own fields. */
export function providerFieldErrors(
  fieldErrors: Record<string, string[]>,
  formFields: readonly string[],
): { field: string; message: string }[] {
  return Object.entries(fieldErrors)
    .filter(([field]) => !formFields.includes(field))
    .flatMap(([field, messages]) => messages.map((message) => ({ field, message })));
}

import { TICKET_STATE_LABELS, type TTicketChip } from "@/lib/tickets/views";

// What a ticket chip says, kept apart from the markup so it is tested without rendering.

export const PROVIDER_LABELS: Record<TTicketChip["provider"], string> = { jira: "Jira", github: "GitHub" };

/** The status a chip shows: the provider's own name ("In Progress") while open, else ours. */
export function ticketStatusOf(chip: Pick<TTicketChip, "state" | "providerStatus">): string {
  if (chip.state === "open" && chip.providerStatus.trim()) return chip.providerStatus.trim();
  return TICKET_STATE_LABELS[chip.state];
}

/** Closed tickets (done, won't do) and failed creations read as past: the chip is muted. */
export function isTicketClosed(chip: Pick<TTicketChip, "state">): boolean {
  return chip.state === "done" || chip.state === "wont_do" || chip.state === "failed";
}

/**
 * The chip's visible text ("PAY-12 · In Progress", "Creating…") and its accessible name
 * ("Ticket PAY-12, In Progress"). A ticket the provider has not answered for has no key yet.
 */
export function ticketChipLabel(chip: Pick<TTicketChip, "provider" | "key" | "state" | "providerStatus">): {
  text: string;
  name: string;
} {
  const status = ticketStatusOf(chip);
  if (!chip.key) {
    const provider = PROVIDER_LABELS[chip.provider];
    return { text: status, name: `${provider} ticket, ${status}` };
  }
  return { text: `${chip.key} · ${status}`, name: `Ticket ${chip.key}, ${status}` };
}

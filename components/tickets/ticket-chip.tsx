import type { TTicketChip } from "@/lib/tickets/views";
import { cn } from "@/components/ui/cn";
import { isTicketClosed, PROVIDER_LABELS, ticketChipLabel } from "./ticket-chip-label";

const CHIP =
  "inline-flex max-w-full items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset";

function ProviderMark({ provider }: { provider: TTicketChip["provider"] }) {
  // A letter rather than a logo: recognisable, and no third-party artwork to license.
  return (
    <span
      aria-hidden
      title={PROVIDER_LABELS[provider]}
      className={cn(
        "inline-flex size-3.5 shrink-0 items-center justify-center rounded-sm text-[0.5625rem] font-bold text-white",
        provider === "jira" ? "bg-sky-600" : "bg-slate-800",
      )}
    >
      {provider === "jira" ? "J" : "G"}
    </span>
  );
}

/**
 * A ticket as a chip: "PAY-12 · In Progress" linking out to Jira or GitHub (a new tab), muted once
 * closed; "Creating…" without a link while the provider has not answered.
 */
export function TicketChip({ ticket, className }: { ticket: TTicketChip; className?: string }) {
  const { text, name } = ticketChipLabel(ticket);
  const tone = isTicketClosed(ticket)
    ? "bg-slate-50 text-slate-500 ring-slate-200"
    : ticket.state === "creating"
      ? "bg-amber-50 text-amber-800 ring-amber-200"
      : "bg-sky-50 text-sky-800 ring-sky-200";
  const body = (
    <>
      <ProviderMark provider={ticket.provider} />
      <span className="truncate">{text}</span>
    </>
  );
  if (!ticket.url || !ticket.key) {
    return (
      <span role="status" aria-label={name} className={cn(CHIP, tone, className)} data-testid="ticket-chip">
        {body}
      </span>
    );
  }
  return (
    <a
      href={ticket.url}
      target="_blank"
      rel="noreferrer"
      aria-label={name}
      title={`Open in ${PROVIDER_LABELS[ticket.provider]}`}
      className={cn(CHIP, tone, "hover:underline focus-visible:ring-2 focus-visible:ring-brand-500", className)}
      data-testid="ticket-chip"
    >
      {body}
    </a>
  );
}

/** Several chips in a row (a finding may have a check ticket and a chosen-findings ticket). */
export function TicketChips({ tickets, className }: { tickets: readonly TTicketChip[]; className?: string }) {
  if (!tickets.length) return null;
  return (
    <span className={cn("inline-flex flex-wrap gap-1", className)}>
      {tickets.map((t) => (
        <TicketChip key={t.id} ticket={t} />
      ))}
    </span>
  );
}

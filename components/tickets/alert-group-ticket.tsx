import type { TTicketSubject } from "@/lib/tickets/schemas";
import type { TTicketChip } from "@/lib/tickets/views";
import { TicketChip } from "./ticket-chip";
import { TicketDialog } from "./ticket-dialog";

/** What an alert group row shows for tickets: its chip, and the dialog for its team's triagers. */
export type TAlertGroupTicket = {
  chip: TTicketChip | null;
  /** Null when the viewer may not triage the group's team (or the group cannot have a ticket). */
  open: { teamSlug: string; teamName: string; subject: TTicketSubject } | null;
};

export function AlertGroupTicket({
  orgSlug,
  title,
  ticket,
}: {
  orgSlug: string;
  title: string;
  ticket: TAlertGroupTicket;
}) {
  if (!ticket.chip && !ticket.open) return null;
  return (
    <div className="mt-1.5 flex flex-wrap items-center gap-2">
      {ticket.chip ? <TicketChip ticket={ticket.chip} /> : null}
      {ticket.open ? (
        <TicketDialog
          orgSlug={orgSlug}
          teamSlug={ticket.open.teamSlug}
          teamName={ticket.open.teamName}
          variant="ghost"
          ariaLabel={`Open a ticket for ${title}`}
          label={ticket.chip ? "Ticket…" : "Open a ticket"}
          choices={[{ key: "group", label: title, subject: ticket.open.subject }]}
        />
      ) : null}
    </div>
  );
}

"use client";

import type { TTicketChip } from "@/lib/tickets/views";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TicketChip } from "./ticket-chip";
import { ticketOutcomeText, type TTicketOutcome } from "./ticket-outcome";

/** After sending: the ticket's chip (a link out once it has a key) and what happened. */
export function TicketSent({
  outcome,
  ticket,
  onClose,
}: {
  outcome: TTicketOutcome;
  ticket: TTicketChip;
  onClose: () => void;
}) {
  return (
    <div className="space-y-4" data-testid="ticket-sent">
      <Alert tone={outcome === "queued" ? "warning" : "success"}>{ticketOutcomeText(outcome, ticket)}</Alert>
      <p className="text-sm text-slate-700">
        <TicketChip ticket={ticket} />
      </p>
      <div className="flex justify-end">
        <Button onClick={onClose} autoFocus>
          Done
        </Button>
      </div>
    </div>
  );
}

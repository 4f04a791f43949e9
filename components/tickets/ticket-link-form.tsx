"use client";

import { linkTicketAction } from "@/lib/tickets/actions";
import type { TTicketSubject } from "@/lib/tickets/schemas";
import type { TTicketChip } from "@/lib/tickets/views";
import { Field, Input } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-footer";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { useActionForm } from "@/components/ui/use-action-form";

/** The "Link existing" side: a ticket made by hand elsewhere, by its key or address. */
export function TicketLinkForm({
  orgSlug,
  teamSlug,
  subject,
  onCancel,
  onDone,
}: {
  orgSlug: string;
  teamSlug: string;
  subject: TTicketSubject;
  onCancel: () => void;
  onDone: (ticket: TTicketChip) => void;
}) {
  const { state, pending, submit, errors } = useActionForm(linkTicketAction, {
    onSuccess: (data: { ticket: TTicketChip }) => onDone(data.ticket),
  });
  const refusal = state && !state.ok && !errors.reference ? state.error.message : null;
  return (
    <form onSubmit={submit} className="space-y-4" data-testid="ticket-link-form">
      <HiddenFields values={{ org: orgSlug, team: teamSlug, subject: JSON.stringify(subject) }} />
      <Field
        id="ticket-reference"
        label="Ticket key or URL"
        hint="PAY-12, acme/payments#12, or the ticket's address. Bumpers then keeps it and these findings in step."
        errors={errors.reference}
      >
        <Input name="reference" required maxLength={500} autoComplete="off" placeholder="PAY-12" autoFocus />
      </Field>
      <FormFooter
        submitLabel="Link ticket"
        pendingLabel="Linking…"
        pending={pending}
        error={refusal}
        onCancel={onCancel}
      />
    </form>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { unlinkTicketAction } from "@/lib/tickets/actions";
import { ConfirmAction } from "@/components/ui/confirm-action";

/**
 * Unlinks a ticket from its findings (the ticket stays in Jira or GitHub, and stops following
 * the findings), behind a confirmation.
 */
export function UnlinkTicketButton({
  orgSlug,
  teamSlug,
  ticketId,
  ticketName,
}: {
  orgSlug: string;
  teamSlug: string;
  ticketId: string;
  /** "PAY-12", or "the ticket" while it has no key. */
  ticketName: string;
}) {
  const router = useRouter();
  return (
    <ConfirmAction
      action={unlinkTicketAction}
      fields={{ org: orgSlug, team: teamSlug, ticketId }}
      triggerLabel="Unlink"
      triggerAriaLabel={`Unlink ${ticketName}`}
      title={`Unlink ${ticketName}?`}
      description="The ticket stays in Jira or GitHub as it is, but Bumpers stops keeping it and these findings in step: fixes no longer close it and closing it no longer resolves them."
      confirmLabel="Unlink"
      pendingLabel="Unlinking…"
      onSuccess={() => router.refresh()}
    />
  );
}

"use client";

import { deleteTicketProjectAction } from "@/lib/tickets/project-actions";
import { ConfirmAction } from "@/components/ui/confirm-action";

/** A team goes back to the org default; the org default is removed (teams without their own file nothing). */
export function RemoveTicketProject({
  owner,
  label,
  teamsFallBack,
}: {
  owner: { orgSlug: string; teamSlug: string };
  label: string;
  /** A team's project: its tickets go to the org default afterwards. */
  teamsFallBack: boolean;
}) {
  return (
    <ConfirmAction
      action={deleteTicketProjectAction}
      fields={{ org: owner.orgSlug, team: owner.teamSlug }}
      triggerLabel={label}
      title={`${label}?`}
      description={
        teamsFallBack
          ? "New tickets of this team go to the organization default. Tickets already made stay linked."
          : "Teams without a project of their own file no new tickets. Tickets already made stay linked."
      }
      confirmLabel={label}
      pendingLabel="Removing…"
    />
  );
}

"use client";

import { clearTeamSlaPolicyAction } from "@/lib/sla/actions";
import { ConfirmAction } from "@/components/ui/confirm-action";

/** Removes a team's own SLA days: its findings follow the organization's again. */
export function ClearTeamSla({ orgSlug, teamSlug, teamName }: { orgSlug: string; teamSlug: string; teamName: string }) {
  return (
    <ConfirmAction
      action={clearTeamSlaPolicyAction}
      fields={{ org: orgSlug, team: teamSlug }}
      triggerLabel="Use the organization's SLA"
      title={`Remove ${teamName}'s own SLA?`}
      description="The team's findings get the organization's due days again; due dates move at once."
      confirmLabel="Remove"
      pendingLabel="Removing…"
    />
  );
}

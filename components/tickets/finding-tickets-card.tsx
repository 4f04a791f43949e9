import type { TTicketChip } from "@/lib/tickets/views";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { TicketChip } from "./ticket-chip";
import { TicketDialog } from "./ticket-dialog";
import { findingSubjectChoices } from "./ticket-subjects";
import { UnlinkTicketButton } from "./unlink-ticket-button";

/**
 * A finding's tickets (everyone who sees the finding sees them) and, for its team's triagers,
 * "Open a ticket" for the whole check in the team or this finding alone, and unlinking.
 */
export function FindingTicketsCard({
  orgSlug,
  finding,
  tickets,
  canTriage,
}: {
  orgSlug: string;
  finding: { id: string; source: string; checkId: string; team: { slug: string; name: string } | null };
  tickets: TTicketChip[];
  canTriage: boolean;
}) {
  const team = finding.team;
  const triage = canTriage && team !== null;
  if (!tickets.length && !canTriage) return null;
  return (
    <Card>
      <CardHeader title="Tickets" />
      <CardBody className="space-y-3">
        {tickets.length ? (
          <ul className="space-y-1.5" aria-label="Tickets of this finding">
            {tickets.map((t) => (
              <li key={t.id} className="flex items-center justify-between gap-2">
                <TicketChip ticket={t} />
                {triage ? (
                  <UnlinkTicketButton
                    orgSlug={orgSlug}
                    teamSlug={team.slug}
                    ticketId={t.id}
                    ticketName={t.key ?? "the ticket"}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-500">No Jira ticket or GitHub issue yet.</p>
        )}
        {triage ? (
          <TicketDialog
            orgSlug={orgSlug}
            teamSlug={team.slug}
            teamName={team.name}
            choices={findingSubjectChoices({ ...finding, teamName: team.name })}
          />
        ) : null}
        {canTriage && !team ? (
          <p className="text-xs text-slate-500">
            A ticket goes to a team&apos;s project: this finding belongs to no team.
          </p>
        ) : null}
      </CardBody>
    </Card>
  );
}

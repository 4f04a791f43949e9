import type { Route } from "next";
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** The dialog when the team has nowhere to send tickets yet. */
export function TicketNoProject({ teamName, settingsHref }: { teamName: string; settingsHref: string }) {
  return (
    <EmptyState
      title={`${teamName} has no Jira project or GitHub repository yet`}
      action={
        <LinkButton href={settingsHref as Route} variant="secondary" size="sm">
          Open the team&apos;s ticket settings
        </LinkButton>
      }
    >
      Team admins choose where the team&apos;s tickets go under Team → Tickets → Settings (or the organization sets a
      default under Settings → Tickets).
    </EmptyState>
  );
}

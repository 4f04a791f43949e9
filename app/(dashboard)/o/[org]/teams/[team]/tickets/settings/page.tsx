import type { Metadata } from "next";
import { requireTeamPage } from "@/lib/auth/page-guards";
import { listConnections } from "@/lib/notifications/connections/queries";
import { ticketConnectionChoices } from "@/lib/tickets/projects/connection-choices";
import { getTicketProject } from "@/lib/tickets/projects/get-ticket-project";
import { projectTarget } from "@/lib/tickets/projects/target";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { NoTicketConnection } from "@/components/tickets/settings/no-connection";
import { RemoveTicketProject } from "@/components/tickets/settings/remove-ticket-project";
import { TicketSettingsPanel } from "@/components/tickets/settings/ticket-settings-panel";

export const metadata: Metadata = { title: "Team ticket settings" };

export default async function TeamTicketSettingsPage({ params }: PageProps<"/o/[org]/teams/[team]/tickets/settings">) {
  const { org: orgSlug, team: teamSlug } = await params;
  // Team admins (org admins act as team admins); a team the caller is not on is a 404.
  const access = await requireTeamPage(orgSlug, teamSlug, "team:routing:manage");
  const [connections, own, orgDefault] = await Promise.all([
    listConnections(access.org.id, { teamId: access.team.id }),
    getTicketProject(access.org.id, { teamId: access.team.id }),
    getTicketProject(access.org.id, { teamId: null }),
  ]);
  const choices = ticketConnectionChoices(connections);
  const owner = { orgSlug: access.org.slug, teamSlug: access.team.slug };
  return (
    <>
      <PageHeader
        title={`${access.team.name}: ticket settings`}
        description="Where this team's Jira or GitHub tickets go, and how their changes come back."
      />
      <Card>
        <CardHeader
          title={own ? "This team's own project" : "Use the organization default, or a project of its own"}
          description={
            own
              ? "Tickets of this team go here instead of the organization default."
              : "Saving below gives this team its own project."
          }
          actions={own ? <RemoveTicketProject owner={owner} label="Use the org default" teamsFallBack /> : null}
        />
        <CardBody className="space-y-4">
          {!own ? (
            <Alert tone="info">
              {orgDefault
                ? `Now: the organization default (${orgDefault.connectionName}, ${projectTarget(orgDefault.settings)}).`
                : "The organization has no default: this team files no tickets until it has a project."}
            </Alert>
          ) : null}
          {choices.length ? (
            <TicketSettingsPanel owner={owner} connections={choices} project={own} showSyncSwitches />
          ) : (
            <NoTicketConnection
              href={`/o/${access.org.slug}/teams/${access.team.slug}/notifications`}
              linkText="the team's connections"
            />
          )}
        </CardBody>
      </Card>
    </>
  );
}

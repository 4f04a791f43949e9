import type { Metadata } from "next";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { listAllConnections, listConnections } from "@/lib/notifications/connections/queries";
import { listTicketSyncLog } from "@/lib/tickets/queries";
import { isTicketConnectionKind } from "@/lib/tickets/schemas";
import { ConnectionSyncLog } from "@/components/tickets/settings/connection-sync-log";
import { ticketConnectionChoices } from "@/lib/tickets/projects/connection-choices";
import { listTeamProjects } from "@/lib/tickets/projects/list-team-projects";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { NoTicketConnection } from "@/components/tickets/settings/no-connection";
import { RemoveTicketProject } from "@/components/tickets/settings/remove-ticket-project";
import { TeamProjectsTable } from "@/components/tickets/settings/team-projects-table";
import { TicketSettingsPanel } from "@/components/tickets/settings/ticket-settings-panel";

export const metadata: Metadata = { title: "Tickets" };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function TicketSettingsPage({ params, searchParams }: PageProps<"/o/[org]/settings/tickets">) {
  const { org: orgSlug } = await params;
  const access = await requireOrgPage(orgSlug, "org:integrations:manage");
  const query = await searchParams;
  const [connections, projects, all] = await Promise.all([
    // The org default files through the organization's own connections only.
    listConnections(access.org.id, { teamId: null }),
    listTeamProjects(access.org.id),
    listAllConnections(access.org.id),
  ]);
  // The sync log covers every ticket connection of the org, teams' own included.
  const ticketConnections = all.filter((c) => isTicketConnectionKind(c.kind));
  const logged = ticketConnections.find((c) => c.id === one(query.connection)) ?? ticketConnections[0];
  const cursor = one(query.cursor) || null;
  const log = logged
    ? await listTicketSyncLog(
        access.org.id,
        { connectionId: logged.id },
        // A stale link starts over rather than failing.
        { cursor: cursor ?? undefined, limit: 25, lenient: true },
      )
    : null;
  const choices = ticketConnectionChoices(connections);
  const owner = { orgSlug: access.org.slug, teamSlug: "" };
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title="Organization default"
          description="Where tickets of teams without their own project go: a Jira project or a GitHub repository."
          actions={
            projects.orgDefault ? (
              <RemoveTicketProject owner={owner} label="Remove the default" teamsFallBack={false} />
            ) : null
          }
        />
        <CardBody>
          {choices.length ? (
            <TicketSettingsPanel owner={owner} connections={choices} project={projects.orgDefault} showSyncSwitches />
          ) : (
            <NoTicketConnection href={`/o/${access.org.slug}/settings/integrations`} linkText="Integrations" />
          )}
        </CardBody>
      </Card>
      <Card>
        <CardHeader
          title="Teams"
          description="A team's admins can file its tickets into a project of its own; the others use the default."
        />
        <TeamProjectsTable orgSlug={access.org.slug} rows={projects.teams} />
      </Card>
      {logged && log ? (
        <ConnectionSyncLog
          base={`/o/${access.org.slug}/settings/tickets`}
          connections={ticketConnections}
          selected={logged}
          page={log}
          cursor={cursor}
        />
      ) : null}
    </div>
  );
}

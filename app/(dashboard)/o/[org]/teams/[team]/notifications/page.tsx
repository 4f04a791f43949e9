import type { Metadata } from "next";
import { requireTeamPage } from "@/lib/auth/page-guards";
import { canTeam } from "@/lib/auth/permissions";
import { listConnections } from "@/lib/notifications/connections/queries";
import { connectionChoices, requiredByOrg, timeZoneOptions } from "@/lib/notifications/page-state";
import { listSubscriptions, listTeamsWithTimeZone } from "@/lib/notifications/subscriptions/queries";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { BrokenConnectionsAlert } from "@/components/notifications/broken-connections-alert";
import { ConnectionsCard, SubscriptionsCard } from "@/components/notifications/notification-cards";
import { TimeZoneForm } from "@/components/notifications/time-zone-form";
import { TeamTabs } from "@/components/teams/team-tabs";

export const metadata: Metadata = { title: "Team notifications" };

export default async function TeamNotificationsPage({ params }: PageProps<"/o/[org]/teams/[team]/notifications">) {
  const { org: orgSlug, team: teamSlug } = await params;
  // The layout has turned a team the caller is not on (or another org's) into a 404.
  const access = await requireTeamPage(orgSlug, teamSlug);
  const canManage = canTeam(access.teamRole, "team:routing:manage");
  const [own, orgConnections, subscriptions, orgSubscriptions, [team]] = await Promise.all([
    listConnections(access.org.id, { teamId: access.team.id, only: "owned" }),
    listConnections(access.org.id, { teamId: null }),
    listSubscriptions(access.org.id, { teamId: access.team.id }),
    listSubscriptions(access.org.id, { teamId: null }),
    listTeamsWithTimeZone(access.org.id, [access.team.id]),
  ]);
  const timeZone = team?.timeZone ?? "UTC";
  const owner = { orgSlug: access.org.slug, teamSlug: access.team.slug };
  const now = new Date();
  const readOnly = canManage ? "" : " Only the team's admins change them.";

  return (
    <>
      <PageHeader
        title={access.team.name}
        description="Where this team's news goes: its own Slack channels, Teams channels, webhooks and mail, and its digests."
      />
      <TeamTabs orgSlug={access.org.slug} teamSlug={access.team.slug} />
      <div className="space-y-6">
        <BrokenConnectionsAlert connections={[...own, ...orgConnections]} />
        <Card>
          <CardHeader
            title="Time zone"
            description="The team's digests, and its members' own, go out at their hour in this time zone."
          />
          <CardBody>
            {canManage ? (
              <TimeZoneForm
                orgSlug={access.org.slug}
                teamSlug={access.team.slug}
                timeZone={timeZone}
                zones={timeZoneOptions(Intl.supportedValuesOf("timeZone"), timeZone)}
              />
            ) : (
              <p className="text-sm text-slate-700">{timeZone}</p>
            )}
          </CardBody>
        </Card>
        <ConnectionsCard
          title="Team connections"
          description={`The team's own Slack workspace, Teams channels, webhooks and SMTP server.${readOnly}`}
          connections={own}
          orgSlug={access.org.slug}
          add={canManage ? owner : null}
          manage={canManage}
          now={now}
          empty={{
            title: "No connection of the team's own",
            body: orgConnections.length
              ? "The organization's connections below can be used. Add one of the team's own for a workspace or endpoint only this team uses."
              : "Add a Slack app, a Microsoft Teams workflow, a webhook or an SMTP server. Email through this Bumpers server needs none.",
          }}
        />
        <ConnectionsCard
          title="Organization connections you can use"
          description="Set up by org admins: the team's subscriptions may send through them; they are changed under Settings → Integrations."
          connections={orgConnections}
          orgSlug={access.org.slug}
          add={null}
          manage={false}
          now={now}
          empty={{ title: "No organization connection", body: "Org admins add them under Settings → Integrations." }}
        />
        <SubscriptionsCard
          title="Team subscriptions"
          description={`What ${access.team.name} hears about, and where.${readOnly}`}
          subscriptions={subscriptions}
          editing={canManage ? { owner, connections: connectionChoices([...orgConnections, ...own]), timeZone } : null}
          timeZone={timeZone}
          empty={{
            title: `${access.team.name} subscribes to nothing yet`,
            body: canManage
              ? "Send the team's findings, budget alerts and admission denials to its channel as they happen, or a daily or weekly digest."
              : "The team's admins can send its news to a channel or by mail.",
          }}
        />
        <SubscriptionsCard
          title="Required by your organization"
          description="Baseline subscriptions of the organization: they apply to every team and cannot be switched off here. The team's news goes to its own channel, or to the organization's when it has none."
          subscriptions={requiredByOrg(orgSubscriptions)}
          editing={null}
          timeZone="UTC"
          empty={{ title: "Nothing required", body: "The organization requires no subscription of every team." }}
        />
      </div>
    </>
  );
}

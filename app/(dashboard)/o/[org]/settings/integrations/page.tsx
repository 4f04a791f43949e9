import type { Metadata } from "next";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { listAllConnections } from "@/lib/notifications/connections/queries";
import { localDemoServices } from "@/lib/notifications/demo-services";
import { connectionChoices } from "@/lib/notifications/page-state";
import { getCostAnomalyFactor } from "@/lib/notifications/sources/cost-anomaly-factor";
import { listSubscriptions } from "@/lib/notifications/subscriptions/queries";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CostAnomalyForm } from "@/components/notifications/cost-anomaly-form";
import { BrokenConnectionsAlert } from "@/components/notifications/broken-connections-alert";
import { DemoServicesCard } from "@/components/notifications/demo-services-card";
import { ConnectionsCard, SubscriptionsCard } from "@/components/notifications/notification-cards";

export const metadata: Metadata = { title: "Integrations" };

export default async function IntegrationsPage({ params }: PageProps<"/o/[org]/settings/integrations">) {
  const { org: orgSlug } = await params;
  const access = await requireOrgPage(orgSlug, "org:integrations:manage");
  const [connections, subscriptions, factor] = await Promise.all([
    listAllConnections(access.org.id),
    listSubscriptions(access.org.id, { teamId: null }),
    getCostAnomalyFactor(access.org.id),
  ]);
  const owner = { orgSlug: access.org.slug, teamSlug: "" };
  // Organization subscriptions send through the organization's own connections only.
  const usable = connectionChoices(connections.filter((c) => c.teamId === null));
  return (
    <div className="space-y-6">
      <BrokenConnectionsAlert connections={connections} />
      <DemoServicesCard services={localDemoServices()} />
      <ConnectionsCard
        title="Connections"
        description="Slack workspaces, Microsoft Teams channels, webhooks, SMTP servers, and Jira and GitHub for tickets: the organization's first, then each team's own."
        connections={connections}
        orgSlug={access.org.slug}
        add={owner}
        manage
        showOwner
        now={new Date()}
        empty={{
          title: "No connection yet",
          body: "Add a Slack app, a Microsoft Teams workflow, a webhook, an SMTP server, or Jira or GitHub for tickets, then send it a test. Email through this Bumpers server needs none.",
        }}
      />
      <SubscriptionsCard
        title="Organization subscriptions"
        description="What the whole organization hears about, and where. A baseline subscription is required for every team: teams cannot switch it off."
        subscriptions={subscriptions}
        editing={{ owner, connections: usable, timeZone: "UTC" }}
        timeZone="UTC"
        empty={{
          title: "No organization subscription yet",
          body: "Teams can subscribe their own channels. Add one here for news every team must get (e.g. critical security findings), or an organization digest.",
        }}
      />
      <Card>
        <CardHeader
          title="Cost anomalies"
          description="What the “Cost anomaly” event means for this organization's teams."
        />
        <CardBody>
          <CostAnomalyForm orgSlug={access.org.slug} factor={factor} />
        </CardBody>
      </Card>
    </div>
  );
}

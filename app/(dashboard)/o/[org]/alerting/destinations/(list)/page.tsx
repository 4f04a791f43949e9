import type { Metadata } from "next";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { visibleTeams } from "@/lib/auth/access";
import { canOrg } from "@/lib/auth/permissions";
import { listDestinations } from "@/lib/alerting/destinations/queries";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { EmptyIcon } from "@/components/ui/icons";
import { DestinationForm } from "@/components/alerting/destination-form";
import { DestinationsTable } from "@/components/alerting/destinations-table";

export const metadata: Metadata = { title: "Alert destinations" };

export default async function DestinationsPage({ params }: PageProps<"/o/[org]/alerting/destinations">) {
  const { org: orgSlug } = await params;
  const access = await requireOrgPage(orgSlug);
  const canManage = canOrg(access.role, "org:integrations:manage");
  const [destinations, teams] = await Promise.all([
    listDestinations(access.org.id),
    canManage ? visibleTeams(access) : Promise.resolve([]),
  ]);
  return (
    <Card>
      <CardHeader
        title="PagerDuty destinations"
        description={
          canManage
            ? "Each is a PagerDuty service, added by its Events API v2 integration key. Keys are stored encrypted and only their last 4 characters are ever shown."
            : "The PagerDuty services rules can page. Org admins add and change them."
        }
      />
      {canManage ? (
        <CardBody className="border-b border-slate-100">
          <DestinationForm orgSlug={access.org.slug} teams={teams} />
        </CardBody>
      ) : null}
      {destinations.length ? (
        <DestinationsTable
          destinations={destinations}
          orgSlug={access.org.slug}
          canManage={canManage}
          now={new Date()}
        />
      ) : (
        <div className="p-5">
          <EmptyState icon={<EmptyIcon name="bell" />} title="No destination yet">
            {canManage
              ? "Add a PagerDuty service above with its Events API v2 integration key, then send it a test event. Rules can page it once it is here."
              : "Nothing can page until an org admin adds a PagerDuty service here. Alerts still show in the alert feed."}
          </EmptyState>
        </div>
      )}
    </Card>
  );
}

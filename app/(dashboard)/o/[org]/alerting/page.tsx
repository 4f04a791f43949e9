import type { Metadata } from "next";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { EmptyIcon } from "@/components/ui/icons";
import { LinkButton } from "@/components/ui/button";

export const metadata: Metadata = { title: "Alerting" };

export default async function AlertingPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const access = await requireOrgPage(org);
  return (
    <>
      <PageHeader
        title="Alerting"
        description="PagerDuty routing: a baseline for every team, team rules on top, one incident per problem."
      />
      <EmptyState
        icon={<EmptyIcon name="bell" />}
        title="Nothing to route yet"
        action={<LinkButton href={`/o/${access.org.slug}/clusters`}>Connect a cluster</LinkButton>}
      >
        Alerts are raised from findings and budgets. Once a cluster reports, org admins connect PagerDuty services here
        and each team decides what pages whom.
      </EmptyState>
    </>
  );
}

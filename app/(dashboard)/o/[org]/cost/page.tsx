import type { Metadata } from "next";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { EmptyIcon } from "@/components/ui/icons";
import { LinkButton } from "@/components/ui/button";

export const metadata: Metadata = { title: "Cost" };

export default async function CostPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const access = await requireOrgPage(org);
  return (
    <>
      <PageHeader title="Cost" description="What each team, service and namespace costs, its trend, and the waste." />
      <EmptyState
        icon={<EmptyIcon name="chart" />}
        title="No cost data yet"
        action={<LinkButton href={`/o/${access.org.slug}/clusters`}>Connect a cluster</LinkButton>}
      >
        Cost appears once a cluster&apos;s agent uploads its workload inventory or an OpenCost allocation report. Every
        dollar is attributed to the team that owns the workload; idle and unassigned cost stay visible.
      </EmptyState>
    </>
  );
}

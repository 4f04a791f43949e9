import type { Metadata } from "next";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { EmptyIcon } from "@/components/ui/icons";
import { LinkButton } from "@/components/ui/button";

export const metadata: Metadata = { title: "Findings" };

export default async function FindingsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const access = await requireOrgPage(org);
  return (
    <>
      <PageHeader
        title="Findings"
        description="Security, reliability, efficiency and deprecation issues in your team's workloads, with how to fix them."
      />
      <EmptyState
        icon={<EmptyIcon name="shield" />}
        title="No findings yet"
        action={<LinkButton href={`/o/${access.org.slug}/clusters`}>Connect a cluster</LinkButton>}
      >
        Findings appear here when a cluster&apos;s agent uploads its first Polaris, Trivy, Pluto, Nova, Goldilocks or
        kube-bench report. Each one is assigned to the team that owns the workload.
      </EmptyState>
    </>
  );
}

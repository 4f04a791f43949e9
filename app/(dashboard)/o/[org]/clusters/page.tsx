import type { Metadata } from "next";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { canOrg } from "@/lib/auth/permissions";
import { appBaseUrl } from "@/lib/server/app-url";
import { listClusters } from "@/lib/clusters/queries";
import { latestReportsByCluster, recentAgentFailures } from "@/lib/ingest/queries";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { EmptyIcon } from "@/components/ui/icons";
import { AddCluster } from "@/components/clusters/add-cluster";
import { ClusterTable } from "@/components/clusters/cluster-table";
import { ClusterReports } from "@/components/clusters/cluster-reports";

export const metadata: Metadata = { title: "Clusters" };

export default async function ClustersPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: orgSlug } = await params;
  const access = await requireOrgPage(orgSlug, "org:clusters:read");
  const canManage = canOrg(access.role, "org:clusters:manage");
  const [{ clusters }, host, latest] = await Promise.all([
    listClusters(access.org.id),
    appBaseUrl(),
    latestReportsByCluster(access.org.id),
  ]);
  const reports = await Promise.all(
    clusters.map(async (c) => ({
      id: c.id,
      slug: c.slug,
      name: c.name,
      reports: latest.get(c.id) ?? [],
      failures: await recentAgentFailures(access.org.id, c.id),
    })),
  );
  return (
    <>
      <PageHeader
        title="Clusters"
        description="The Kubernetes clusters whose agents report to Bumpers, and the tokens they upload with."
      />
      {/* The table or empty state comes first and the form second in both cases, so the form keeps
          its result (the token) when the first cluster replaces the empty state. */}
      <div className="space-y-6">
        {clusters.length ? (
          <ClusterTable clusters={clusters} orgSlug={access.org.slug} host={host} canManage={canManage} />
        ) : (
          <EmptyState icon={<EmptyIcon name="cube" />} title="Connect your first cluster">
            {canManage
              ? "Add a cluster below: you get an agent token and the Helm command that installs the Fairwinds insights-agent with it. Reports appear here after the first upload."
              : "No cluster reports to this organization yet. Ask an org admin to connect one."}
          </EmptyState>
        )}
        {reports.length ? <ClusterReports clusters={reports} /> : null}
        {canManage ? <AddCluster orgSlug={access.org.slug} host={host} /> : null}
      </div>
    </>
  );
}

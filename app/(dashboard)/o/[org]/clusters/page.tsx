import type { Metadata } from "next";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { canOrg } from "@/lib/auth/permissions";
import { appBaseUrl } from "@/lib/server/app-url";
import { listClusters } from "@/lib/clusters/queries";
import { latestInstallations } from "@/lib/clusters/installation";
import { staleClusterHours } from "@/lib/clusters/stale";
import { clusterAgentSummaries, latestReportsByCluster, recentAgentFailures } from "@/lib/ingest/queries";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { EmptyIcon } from "@/components/ui/icons";
import { AddCluster } from "@/components/clusters/add-cluster";
import { ClusterTable } from "@/components/clusters/cluster-table";
import { ClusterReports } from "@/components/clusters/cluster-reports";

export const metadata: Metadata = { title: "Clusters" };

export default async function ClustersPage({ params }: PageProps<"/o/[org]/clusters">) {
  const { org: orgSlug } = await params;
  const access = await requireOrgPage(orgSlug, "org:clusters:read");
  const orgId = access.org.id;
  const canManage = canOrg(access.role, "org:clusters:manage");
  const canSetUp = canOrg(access.role, "org:settings:manage");
  const [{ clusters }, host, latest, agents, installations, staleAfterHours] = await Promise.all([
    listClusters(orgId),
    appBaseUrl(),
    latestReportsByCluster(orgId),
    clusterAgentSummaries(orgId),
    latestInstallations(orgId),
    staleClusterHours(orgId),
  ]);
  const rows = clusters.map((c) => ({
    ...c,
    agent: agents.get(c.id) ?? null,
    installedChartVersion: installations.get(c.id)?.chartVersion ?? null,
  }));
  const reports = await Promise.all(
    clusters.map(async (c) => ({
      id: c.id,
      slug: c.slug,
      name: c.name,
      reports: latest.get(c.id) ?? [],
      failures: await recentAgentFailures(orgId, c.id),
      installation: canManage ? installations.get(c.id) : null,
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
          <ClusterTable
            clusters={rows}
            orgSlug={access.org.slug}
            host={host}
            canManage={canManage}
            staleAfterHours={staleAfterHours}
            settingsHref={canSetUp ? `/o/${access.org.slug}/settings/clusters` : null}
          />
        ) : (
          <EmptyState icon={<EmptyIcon name="cube" />} title="Connect your first cluster">
            {canManage
              ? "Add a cluster below: you get an agent token and the Helm command that installs the Fairwinds insights-agent with it. Reports appear here after the first upload."
              : "No cluster reports to this organization yet. Ask an org admin to connect one."}
          </EmptyState>
        )}
        {reports.length ? <ClusterReports clusters={reports} orgSlug={canManage ? access.org.slug : null} /> : null}
        {canManage ? <AddCluster orgSlug={access.org.slug} host={host} /> : null}
      </div>
    </>
  );
}

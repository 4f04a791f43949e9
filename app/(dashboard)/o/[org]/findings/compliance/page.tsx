import type { Metadata } from "next";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { complianceByCluster, hasKubeBenchReport } from "@/lib/compliance/queries";
import { hasTeamChoice, resolveAreaQuery } from "@/lib/vulnerabilities/team-filter";
import { AreaEmpty } from "@/components/findings/area-empty";
import { AreaPage } from "@/components/findings/area-filter-form";
import { ClusterCompliance } from "@/components/compliance/cluster-compliance";
import { Alert } from "@/components/ui/alert";

export const metadata: Metadata = { title: "Compliance" };

export default async function CompliancePage({ params, searchParams }: PageProps<"/o/[org]/findings/compliance">) {
  const { org: orgSlug } = await params;
  const access = await requireOrgPage(orgSlug);
  const { teamFilter, includeTriaged } = await resolveAreaQuery(access, await searchParams);
  const [sent, clusters] = await Promise.all([
    hasKubeBenchReport(access.org.id),
    complianceByCluster(teamFilter.scope, { includeTriaged }),
  ]);
  const slug = access.org.slug;
  const orgWide = teamFilter.scope.teamIds === null;

  return (
    <AreaPage
      area="compliance"
      title="Compliance"
      description="CIS Kubernetes Benchmark checks that failed or need a manual review on your clusters' nodes, from kube-bench, with how to fix each."
      orgSlug={slug}
      teams={hasTeamChoice(teamFilter) ? teamFilter : null}
      team={teamFilter.selected}
      includeTriaged={includeTriaged}
    >
      {clusters.length ? (
        <>
          <Alert tone="info">
            Only failed checks and checks kube-bench could not verify (to review by hand) are listed; passed controls
            are not reported, so there is no pass rate here.
          </Alert>
          {clusters.map((c) => (
            <ClusterCompliance key={c.cluster.id} orgSlug={slug} data={c} />
          ))}
        </>
      ) : (
        <AreaEmpty
          sent={sent}
          report="kube-bench"
          orgSlug={slug}
          what="CIS benchmark results"
          cleanTitle={orgWide ? "No failed checks" : "No compliance results for your teams"}
          cleanText={
            orgWide
              ? "The latest kube-bench reports have no failed or warned checks."
              : "kube-bench checks nodes and the control plane, which usually belong to a platform team or to no team. Org admins see every cluster's results."
          }
        />
      )}
    </AreaPage>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { canOrg } from "@/lib/auth/permissions";
import { getOrgOverview } from "@/lib/orgs/overview";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { GettingStarted } from "@/components/overview/getting-started";
import { OwnershipCard } from "@/components/overview/ownership-card";
import { ClustersCard } from "@/components/overview/clusters-card";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: orgSlug } = await params;
  const access = await requireOrgPage(orgSlug);
  const isAdmin = canOrg(access.role, "org:settings:manage");
  const overview = await getOrgOverview(access.org.id, isAdmin ? "all" : [...access.teamRoles.keys()]);
  const base = `/o/${access.org.slug}`;
  const stats = [
    { label: "Clusters", value: overview.clusters.length, href: `${base}/clusters` },
    { label: "Workloads", value: overview.workloads },
    { label: "Teams", value: overview.teamCount, href: isAdmin ? `${base}/settings/teams` : undefined },
    { label: "Members", value: overview.members, href: isAdmin ? `${base}/settings/members` : undefined },
  ];
  const setupDone = overview.clusters.length > 0 && overview.teamCount > 0 && overview.members > 1;
  return (
    <>
      <PageHeader title={access.org.name} description="What your clusters look like today, across every team." />
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        {stats.map((s) => {
          const body = (
            <>
              <p className="text-sm text-slate-500">{s.label}</p>
              <p className="mt-1 text-3xl font-semibold tabular-nums text-slate-900">
                {s.value.toLocaleString("en-US")}
              </p>
            </>
          );
          return (
            <Card key={s.label} className="p-5">
              {s.href ? (
                <Link href={s.href} className="block rounded hover:opacity-80">
                  {body}
                </Link>
              ) : (
                body
              )}
            </Card>
          );
        })}
      </div>
      {isAdmin && overview.unassignedWorkloads > 0 ? (
        <p className="mt-4 text-sm text-amber-800">
          {overview.unassignedWorkloads} workload{overview.unassignedWorkloads === 1 ? " is" : "s are"} not owned by any
          team.{" "}
          <Link href={`${base}/settings/teams`} className="font-medium underline">
            Review team scopes
          </Link>
        </p>
      ) : null}
      <div className="mt-6 grid gap-6 lg:grid-cols-5">
        <div className="space-y-6 lg:col-span-3">
          <OwnershipCard orgSlug={access.org.slug} overview={overview} showUnassigned={isAdmin} />
          <Card>
            <CardHeader
              title="Findings"
              description="Security, reliability and efficiency issues reported by your clusters' agents."
            />
            <CardBody>
              <p className="text-sm text-slate-500">
                No findings yet. Findings appear here when a cluster&apos;s agent uploads its first report.{" "}
                <Link href={`${base}/clusters`} className="font-medium text-brand-600 hover:text-brand-700">
                  How to connect a cluster
                </Link>
              </p>
            </CardBody>
          </Card>
        </div>
        <div className="space-y-6 lg:col-span-2">
          {setupDone ? null : (
            <GettingStarted
              orgSlug={access.org.slug}
              summary={{ clusters: overview.clusters.length, teams: overview.teamCount, members: overview.members }}
              isAdmin={isAdmin}
            />
          )}
          <ClustersCard orgSlug={access.org.slug} clusters={overview.clusters} />
        </div>
      </div>
    </>
  );
}

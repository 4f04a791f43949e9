import type { Metadata } from "next";
import Link from "next/link";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { canOrg } from "@/lib/auth/permissions";
import { getOrgSummary } from "@/lib/orgs/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { GettingStarted } from "@/components/overview/getting-started";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: orgSlug } = await params;
  const access = await requireOrgPage(orgSlug);
  const summary = await getOrgSummary(access.org.id);
  const base = `/o/${access.org.slug}`;
  const isAdmin = canOrg(access.role, "org:settings:manage");
  const stats = [
    { label: "Clusters", value: summary.clusters, href: `${base}/clusters` },
    { label: "Workloads", value: summary.workloads, href: isAdmin ? `${base}/settings/teams` : undefined },
    { label: "Teams", value: summary.teams, href: isAdmin ? `${base}/settings/teams` : undefined },
    { label: "Members", value: summary.members, href: isAdmin ? `${base}/settings/members` : undefined },
  ];
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
                <Link href={s.href} className="block hover:opacity-80">
                  {body}
                </Link>
              ) : (
                body
              )}
            </Card>
          );
        })}
      </div>
      {isAdmin && summary.unassignedWorkloads > 0 ? (
        <p className="mt-4 text-sm text-amber-800">
          {summary.unassignedWorkloads} workload{summary.unassignedWorkloads === 1 ? " is" : "s are"} not owned by any
          team.{" "}
          <Link href={`${base}/settings/teams`} className="font-medium underline">
            Review team scopes
          </Link>
        </p>
      ) : null}
      <div className="mt-8 grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Card>
            <CardHeader
              title="Findings"
              description="Security, reliability and efficiency issues reported by your clusters' agents."
            />
            <CardBody>
              <p className="text-sm text-slate-500">
                No findings yet. Findings appear here when a cluster&apos;s agent uploads its first report.{" "}
                <Link href={`${base}/clusters`} className="font-medium text-brand-600 hover:text-brand-700">
                  Connect a cluster
                </Link>
              </p>
            </CardBody>
          </Card>
        </div>
        <GettingStarted orgSlug={access.org.slug} summary={summary} isAdmin={isAdmin} />
      </div>
    </>
  );
}

import type { Metadata, Route } from "next";
import Link from "next/link";
import { Fragment } from "react";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { canOrg } from "@/lib/auth/permissions";
import { staleClusters } from "@/lib/clusters/stale";
import { findingsOverview } from "@/lib/findings/overview";
import { findingScopeOf } from "@/lib/auth/visibility-scope";
import { getOrgOverview } from "@/lib/orgs/overview";
import { countOverdue, slaMetByWeek } from "@/lib/sla/overview";
import { LinkButton } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { ClustersCard } from "@/components/overview/clusters-card";
import { FindingsOverview } from "@/components/overview/findings-overview";
import { GettingStarted } from "@/components/overview/getting-started";
import { findingsLinker } from "@/components/overview/links";
import { OwnershipCard } from "@/components/overview/ownership-card";
import { StaleClustersAlert } from "@/components/overview/stale-clusters-alert";
import { overdueHref } from "@/components/sla/overdue-link";
import { prepareSlaMet } from "@/components/sla/prepare-sla-met";
import { SlaOverview } from "@/components/sla/sla-overview";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ params }: PageProps<"/o/[org]">) {
  const { org: orgSlug } = await params;
  const access = await requireOrgPage(orgSlug);
  const isAdmin = canOrg(access.role, "org:settings:manage");
  const scope = findingScopeOf(access);
  const now = new Date();
  const [org, findings, stale, overdue, slaWeeks] = await Promise.all([
    getOrgOverview(access.org.id, scope.teamIds ?? "all"),
    findingsOverview(scope, now),
    canOrg(access.role, "org:clusters:read") ? staleClusters(access.org.id, now) : [],
    countOverdue(scope, now),
    slaMetByWeek(scope, now),
  ]);
  const base = `/o/${access.org.slug}`;
  const link = findingsLinker(access.org.slug);
  // Members see their teams' findings; ownership lists exactly those teams for them.
  const myTeams = org.ownership;
  // How workloads split between teams says little to someone on one team.
  const showOwnership = isAdmin || myTeams.length > 1;
  const setupDone = org.clusters.length > 0 && org.teamCount > 0 && org.members > 1;

  return (
    <>
      <PageHeader
        title={access.org.name}
        description={
          scope.teamIds === null ? (
            "Open findings across every team and the workloads no team owns, and how they changed this month."
          ) : myTeams.length ? (
            <>
              Open findings of{" "}
              {myTeams.map((t, i) => (
                <Fragment key={t.slug}>
                  {i === 0 ? "" : i === myTeams.length - 1 ? " and " : ", "}
                  <Link
                    href={`${base}/teams/${t.slug}` as Route}
                    className="font-medium text-slate-700 hover:text-brand-700"
                  >
                    {t.name}
                  </Link>
                </Fragment>
              ))}
              , {myTeams.length === 1 ? "the team" : "the teams"} you are on, and how they changed this month.
            </>
          ) : (
            "You are not on a team yet, so there are no findings to show."
          )
        }
        actions={
          <LinkButton href={link() as Route} variant="secondary">
            Open the findings list
          </LinkButton>
        }
      />
      <StaleClustersAlert orgSlug={access.org.slug} clusters={stale} now={now} />
      <FindingsOverview
        orgSlug={access.org.slug}
        overview={findings}
        link={link}
        now={now}
        showTeam={scope.teamIds === null || scope.teamIds.length > 1}
        scopeHint={
          scope.teamIds === null
            ? "across every team"
            : myTeams.length === 1
              ? `owned by ${myTeams[0].name}`
              : `across your ${myTeams.length} teams`
        }
        unassignedOpen={findings.unassignedOpen}
        empty={
          scope.teamIds?.length === 0 && !scope.unassigned
            ? {
                title: "You are not on a team yet",
                body: "The overview shows the findings of the teams you are on. An org admin can add you to one.",
              }
            : org.clusters.length === 0
              ? {
                  title: "No findings yet: connect a cluster",
                  body: isAdmin
                    ? "Findings appear here once a cluster's agent uploads its first report."
                    : "Findings appear here once an org admin connects a cluster and its agent reports.",
                  action: isAdmin ? (
                    <LinkButton href={`${base}/clusters` as Route}>Connect a cluster</LinkButton>
                  ) : undefined,
                }
              : {
                  title: "No findings yet",
                  body: "Your clusters have not reported anything to fix. Findings appear after the agent's next report.",
                  action: (
                    <LinkButton href={`${base}/clusters` as Route} variant="secondary">
                      Check cluster reports
                    </LinkButton>
                  ),
                }
        }
      />
      {Object.values(findings.byState).some((n) => n > 0) ? (
        <SlaOverview
          overdue={overdue}
          overdueHref={overdueHref(link())}
          chart={prepareSlaMet(slaWeeks, now)}
          policyHref={
            isAdmin ? `${base}/settings/sla` : myTeams.length === 1 ? `${base}/teams/${myTeams[0].slug}/sla` : null
          }
        />
      ) : null}
      <div className="mt-6 grid gap-6 lg:grid-cols-5">
        {showOwnership ? (
          <div className="lg:col-span-3">
            <OwnershipCard orgSlug={access.org.slug} overview={org} showUnassigned={isAdmin} />
          </div>
        ) : null}
        <div className={showOwnership ? "space-y-6 lg:col-span-2" : "space-y-6 lg:col-span-5"}>
          {setupDone ? null : (
            <GettingStarted
              orgSlug={access.org.slug}
              summary={{ clusters: org.clusters.length, teams: org.teamCount, members: org.members }}
              isAdmin={isAdmin}
            />
          )}
          <ClustersCard orgSlug={access.org.slug} clusters={org.clusters} />
        </div>
      </div>
    </>
  );
}

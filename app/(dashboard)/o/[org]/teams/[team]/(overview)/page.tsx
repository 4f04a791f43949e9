import type { Metadata, Route } from "next";
import { requireTeamPage } from "@/lib/auth/page-guards";
import { canOrg, canTeam, TEAM_ROLE_LABELS } from "@/lib/auth/permissions";
import { staleClusters } from "@/lib/clusters/stale";
import { findingsOverview } from "@/lib/findings/overview";
import { countOverdue, slaMetByWeek } from "@/lib/sla/overview";
import { getTeamBySlug, listMembersNotOnTeam, listTeamMembers } from "@/lib/teams/queries";
import { listOwnedResources } from "@/lib/teams/resource-queries";
import { LinkButton } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { FindingsOverview } from "@/components/overview/findings-overview";
import { findingsLinker } from "@/components/overview/links";
import { StaleClustersAlert } from "@/components/overview/stale-clusters-alert";
import { TeamSummaryCard } from "@/components/overview/team-summary-card";
import { overdueHref } from "@/components/sla/overdue-link";
import { prepareSlaMet } from "@/components/sla/prepare-sla-met";
import { SlaOverview } from "@/components/sla/sla-overview";
import { OwnedResourcesCard } from "@/components/teams/owned-resources-card";
import { TeamMembersCard } from "@/components/teams/team-members-card";
import { TeamTabs } from "@/components/teams/team-tabs";

export const metadata: Metadata = { title: "Team" };

export default async function TeamHomePage({ params }: PageProps<"/o/[org]/teams/[team]">) {
  const { org: orgSlug, team: teamSlug } = await params;
  const access = await requireTeamPage(orgSlug, teamSlug);
  const canManageMembers = canTeam(access.teamRole, "team:members:manage");
  const canEditScope = canOrg(access.role, "org:teams:manage");
  const now = new Date();
  const teamScope = { orgId: access.org.id, teamIds: [access.team.id], unassigned: false };
  const [team, owned, members, candidates, findings, stale, overdue, slaWeeks] = await Promise.all([
    getTeamBySlug(access.org.id, access.team.slug),
    listOwnedResources(access.org.id, access.team.id),
    listTeamMembers(access.org.id, access.team.id),
    canManageMembers ? listMembersNotOnTeam(access.org.id, access.team.id) : Promise.resolve([]),
    findingsOverview(teamScope, now),
    canOrg(access.role, "org:clusters:read") ? staleClusters(access.org.id, now) : Promise.resolve([]),
    countOverdue(teamScope, now),
    slaMetByWeek(teamScope, now),
  ]);
  const settingsHref = `/o/${access.org.slug}/settings/teams/${access.team.slug}`;
  const link = findingsLinker(access.org.slug, { team: [access.team.slug] });
  // Only the silent clusters this team has something on concern it.
  const ownedClusters = new Set(owned.groups.map((g) => g.cluster));
  const ownsNothing = owned.namespaces + owned.workloads === 0;

  return (
    <>
      <PageHeader
        title={access.team.name}
        description={
          team?.description || "What this team owns across your clusters, what to fix there, and who is on it."
        }
        actions={
          <>
            <LinkButton href={link() as Route} variant="secondary">
              Open the findings list
            </LinkButton>
            <LinkButton href={`/o/${access.org.slug}/alerting/rules/${access.team.slug}` as Route} variant="secondary">
              Alert rules
            </LinkButton>
            {canEditScope ? (
              <LinkButton href={settingsHref as Route} variant="secondary">
                Team settings and scope
              </LinkButton>
            ) : null}
          </>
        }
      />
      <TeamTabs orgSlug={access.org.slug} teamSlug={access.team.slug} />
      <StaleClustersAlert
        orgSlug={access.org.slug}
        clusters={stale.filter((c) => ownedClusters.has(c.slug))}
        now={now}
      />
      <FindingsOverview
        orgSlug={access.org.slug}
        overview={findings}
        link={link}
        now={now}
        showTeam={false}
        scopeHint={`owned by ${access.team.name}`}
        empty={{
          title: `No findings for ${access.team.name} yet`,
          body: ownsNothing
            ? "Findings belong to the team that owns their namespace or workload, and this team owns nothing yet."
            : "No cluster has reported anything to fix in what this team owns.",
        }}
      />
      {Object.values(findings.byState).some((n) => n > 0) ? (
        <SlaOverview
          overdue={overdue}
          overdueHref={overdueHref(link())}
          chart={prepareSlaMet(slaWeeks, now)}
          policyHref={`/o/${access.org.slug}/teams/${access.team.slug}/sla`}
        />
      ) : null}
      <div className="mt-6 grid gap-6 lg:grid-cols-5">
        <div className="lg:col-span-2">
          <TeamSummaryCard
            items={[
              { label: "Namespaces", value: owned.namespaces.toLocaleString("en-US") },
              { label: "Workloads", value: owned.workloads.toLocaleString("en-US") },
              { label: "Members", value: members.length.toLocaleString("en-US") },
              { label: "Your role", value: TEAM_ROLE_LABELS[access.teamRole] },
            ]}
          />
        </div>
        <div className="lg:col-span-3">
          <OwnedResourcesCard
            listing={owned}
            hasRules={Boolean(team?.scopeRules.length)}
            emptyAction={
              canEditScope ? (
                <LinkButton href={settingsHref as Route}>
                  {team?.scopeRules.length ? "Review the scope" : "Add a scope rule"}
                </LinkButton>
              ) : (
                <p className="text-sm text-slate-500">An org owner or admin defines team scopes.</p>
              )
            }
          />
        </div>
      </div>
      <div className="mt-6">
        <TeamMembersCard
          orgSlug={access.org.slug}
          teamSlug={access.team.slug}
          members={members}
          candidates={candidates}
          canManage={canManageMembers}
          currentUserId={access.user.id}
          canInvite={canOrg(access.role, "org:members:manage")}
        />
      </div>
    </>
  );
}

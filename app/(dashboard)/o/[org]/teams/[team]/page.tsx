import type { Metadata } from "next";
import { requireTeamPage } from "@/lib/auth/page-guards";
import { canOrg, canTeam, TEAM_ROLE_LABELS } from "@/lib/auth/permissions";
import { getTeamBySlug, listMembersNotOnTeam, listTeamMembers } from "@/lib/teams/queries";
import { listOwnedResources } from "@/lib/teams/resource-queries";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { OwnedResourcesCard } from "@/components/teams/owned-resources-card";
import { TeamMembersCard } from "@/components/teams/team-members-card";

export const metadata: Metadata = { title: "Team" };

export default async function TeamHomePage({ params }: { params: Promise<{ org: string; team: string }> }) {
  const { org: orgSlug, team: teamSlug } = await params;
  const access = await requireTeamPage(orgSlug, teamSlug);
  const canManageMembers = canTeam(access.teamRole, "team:members:manage");
  const canEditScope = canOrg(access.role, "org:teams:manage");
  const [team, owned, members, candidates] = await Promise.all([
    getTeamBySlug(access.org.id, access.team.slug),
    listOwnedResources(access.org.id, access.team.id),
    listTeamMembers(access.org.id, access.team.id),
    canManageMembers ? listMembersNotOnTeam(access.org.id, access.team.id) : Promise.resolve([]),
  ]);
  const settingsHref = `/o/${access.org.slug}/settings/teams/${access.team.slug}`;
  const stats = [
    { label: "Namespaces", value: owned.namespaces.toLocaleString("en-US") },
    { label: "Workloads", value: owned.workloads.toLocaleString("en-US") },
    { label: "Members", value: members.length.toLocaleString("en-US") },
    { label: "Your role", value: TEAM_ROLE_LABELS[access.teamRole] },
  ];
  return (
    <>
      <PageHeader
        title={access.team.name}
        description={team?.description || "What this team owns across your clusters, and who is on it."}
        actions={
          canEditScope ? (
            <LinkButton href={settingsHref} variant="secondary">
              Team settings and scope
            </LinkButton>
          ) : null
        }
      />
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        {stats.map((s) => (
          <Card key={s.label} className="p-5">
            <p className="text-sm text-slate-500">{s.label}</p>
            <p className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{s.value}</p>
          </Card>
        ))}
      </div>
      <div className="mt-6 space-y-6">
        <OwnedResourcesCard
          listing={owned}
          hasRules={Boolean(team?.scopeRules.length)}
          emptyAction={
            canEditScope ? (
              <LinkButton href={settingsHref}>
                {team?.scopeRules.length ? "Review the scope" : "Add a scope rule"}
              </LinkButton>
            ) : (
              <p className="text-sm text-slate-500">An org owner or admin defines team scopes.</p>
            )
          }
        />
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

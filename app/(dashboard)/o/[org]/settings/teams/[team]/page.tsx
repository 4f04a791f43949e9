import type { Metadata, Route } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { listCiRepositories } from "@/lib/ci/queries";
import { orgWideScope } from "@/lib/auth/visibility-scope";
import {
  findingOwnersPendingSince,
  getTeamBySlug,
  listMembersNotOnTeam,
  listTeamMembers,
  listTeamRepositoryPatterns,
} from "@/lib/teams/queries";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DeleteTeamForm } from "@/components/teams/delete-team-form";
import { OwnershipStatus } from "@/components/teams/ownership-status";
import { ScopeEditor } from "@/components/teams/scope-editor";
import { TeamDetailsForm } from "@/components/teams/team-details-form";
import { TeamMembersCard } from "@/components/teams/team-members-card";
import { TeamRepositoriesForm } from "@/components/teams/team-repositories-form";

export const metadata: Metadata = { title: "Team settings" };

export default async function TeamSettingsPage({ params }: PageProps<"/o/[org]/settings/teams/[team]">) {
  const { org: orgSlug, team: teamSlug } = await params;
  const access = await requireOrgPage(orgSlug, "org:teams:manage");
  const team = await getTeamBySlug(access.org.id, teamSlug);
  if (!team) notFound();
  const [members, candidates, ownersPendingSince, repositoryTeams, repositories] = await Promise.all([
    listTeamMembers(access.org.id, team.id),
    listMembersNotOnTeam(access.org.id, team.id),
    findingOwnersPendingSince(access.org.id),
    listTeamRepositoryPatterns(access.org.id),
    listCiRepositories(orgWideScope(access.org.id)),
  ]);
  const base = `/o/${access.org.slug}`;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          <Link href={`${base}/settings/teams` as Route} className="text-sm text-slate-500 hover:text-slate-700">
            ← All teams
          </Link>
          <h2 className="mt-1 flex flex-wrap items-center gap-2 text-xl font-semibold text-slate-900">
            {team.name}
            <Badge className="font-mono">{team.slug}</Badge>
            <Badge tone="blue">priority {team.priority}</Badge>
          </h2>
        </div>
        <LinkButton href={`${base}/teams/${team.slug}` as Route} variant="secondary">
          Open team page
        </LinkButton>
      </div>

      <Card>
        <CardHeader
          title="Scope"
          description={
            <>
              Ordered rules over cluster, namespace, workload kind and name, and labels; <code>*</code> matches anything
              and empty fields match everything. The first rule that matches decides, so put exclusions above the
              includes they carve out of. Workloads also match on their namespace&apos;s labels.
            </>
          }
        />
        <CardBody className="space-y-4">
          <OwnershipStatus pendingSince={ownersPendingSince?.toISOString() ?? null} />
          <ScopeEditor orgSlug={access.org.slug} teamSlug={team.slug} initialRules={team.scopeRules} />
        </CardBody>
      </Card>

      <Card>
        <CardHeader
          title="Repositories"
          description={
            <>
              The repositories whose CI results (<code>bumpers check --server</code>) belong to this team: its members
              see them on the CI tab, and the team&apos;s policy settings apply to their checks. When several teams
              match, the one with the lowest priority number owns the repository.
            </>
          }
        />
        <CardBody>
          <TeamRepositoriesForm
            orgSlug={access.org.slug}
            team={{ id: team.id, slug: team.slug, patterns: team.repositoryPatterns }}
            teams={repositoryTeams}
            repositories={repositories}
          />
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Details" />
        <CardBody>
          <TeamDetailsForm orgSlug={access.org.slug} team={team} />
        </CardBody>
      </Card>

      <TeamMembersCard
        orgSlug={access.org.slug}
        teamSlug={team.slug}
        members={members}
        candidates={candidates}
        canManage
        currentUserId={access.user.id}
        canInvite
      />

      <Card className="border-red-200">
        <CardHeader
          title={<span className="text-red-700">Danger zone</span>}
          description="Deleting the team removes its memberships. Each resource it owns passes to the next team whose scope includes it, or becomes unassigned. The audit log keeps a record."
        />
        <CardBody>
          <DeleteTeamForm orgSlug={access.org.slug} teamSlug={team.slug} />
        </CardBody>
      </Card>
    </div>
  );
}

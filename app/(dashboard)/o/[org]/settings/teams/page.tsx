import type { Metadata } from "next";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { listTeams } from "@/lib/teams/queries";
import { listUnassignedResources } from "@/lib/teams/resource-queries";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { CreateTeamForm } from "@/components/teams/create-team-form";
import { TeamsTable } from "@/components/teams/teams-table";
import { UnassignedCard } from "@/components/teams/unassigned-card";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsSettingsPage({ params }: PageProps<"/o/[org]/settings/teams">) {
  const { org: orgSlug } = await params;
  const access = await requireOrgPage(orgSlug, "org:teams:manage");
  const [teams, unassigned] = await Promise.all([listTeams(access.org.id), listUnassignedResources(access.org.id)]);
  return (
    <div className="space-y-6">
      {teams.length ? (
        <Card>
          <CardHeader
            title="Teams"
            description="Each namespace and workload belongs to exactly one team: the first one, in this order, whose scope includes it. Lower priority numbers come first; ties go by name."
          />
          <TeamsTable orgSlug={access.org.slug} teams={teams} />
        </Card>
      ) : (
        <EmptyState
          title="No teams yet"
          action={
            <a href="#team-name" className="text-sm font-medium text-brand-600 hover:text-brand-700">
              Create your first team ↓
            </a>
          }
        >
          Create your first team, then give it a scope (for example every namespace named{" "}
          <code className="font-mono">payments-*</code>) so its people see their own findings and costs.
        </EmptyState>
      )}
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader
            title={teams.length ? "Create a team" : "Create your first team"}
            description="You define its scope on the next page, with a live preview of what it would own."
          />
          <CardBody>
            <CreateTeamForm orgSlug={access.org.slug} />
          </CardBody>
        </Card>
        <UnassignedCard listing={unassigned} hasTeams={teams.length > 0} />
      </div>
    </div>
  );
}

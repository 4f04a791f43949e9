import type { Metadata } from "next";
import { requireTeamPage } from "@/lib/auth/page-guards";
import { canTeam } from "@/lib/auth/permissions";
import { getEffectiveSla } from "@/lib/sla/queries";
import { EMPTY_SLA_POLICY } from "@/lib/sla/policy-rules";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ClearTeamSla } from "@/components/sla/clear-team-sla";
import { SlaClockExplainer } from "@/components/sla/sla-clock-explainer";
import { SlaPolicyForm } from "@/components/sla/sla-policy-form";
import { SlaPolicyTable } from "@/components/sla/sla-policy-table";
import { TeamTabs } from "@/components/teams/team-tabs";

export const metadata: Metadata = { title: "Team SLA" };

export default async function TeamSlaPage({ params }: PageProps<"/o/[org]/teams/[team]/sla">) {
  const { org: orgSlug, team: teamSlug } = await params;
  // The layout has turned a team the caller is not on (or another org's) into a 404.
  const access = await requireTeamPage(orgSlug, teamSlug);
  const canManage = canTeam(access.teamRole, "team:policies:manage");
  const sla = await getEffectiveSla(access.org.id, access.team.id);

  return (
    <>
      <PageHeader
        title={access.team.name}
        description="How long the team's findings may stay open, per severity: the organization's days, or the team's stricter own."
      />
      <TeamTabs orgSlug={access.org.slug} teamSlug={access.team.slug} />
      <div className="grid gap-6 lg:grid-cols-5">
        <div className="space-y-6 lg:col-span-3">
          <Card>
            <CardHeader
              title="Due days that apply"
              description={
                sla.team
                  ? "The stricter of the organization's days and the team's own."
                  : `${access.team.name} follows the organization's SLA${sla.orgIsDefault ? " (the built-in defaults)" : ""}.`
              }
            />
            <CardBody>
              <SlaPolicyTable
                policy={sla.policy}
                org={sla.org}
                own={sla.team}
                caption={`Due days for ${access.team.name}`}
              />
            </CardBody>
          </Card>
          {canManage ? (
            <Card>
              <CardHeader
                title="The team's own days"
                description="Only stricter than the organization's, or where it sets none. Leave a field empty to follow the organization."
              />
              <CardBody className="space-y-4">
                <SlaPolicyForm
                  orgSlug={access.org.slug}
                  team={{ slug: access.team.slug, orgPolicy: sla.org }}
                  policy={sla.team ?? EMPTY_SLA_POLICY}
                />
                {sla.team ? (
                  <ClearTeamSla orgSlug={access.org.slug} teamSlug={access.team.slug} teamName={access.team.name} />
                ) : null}
              </CardBody>
            </Card>
          ) : (
            <p className="text-sm text-slate-500">Only the team&apos;s admins change its SLA.</p>
          )}
        </div>
        <Card className="lg:col-span-2">
          <CardHeader title="How the clock works" />
          <CardBody>
            <SlaClockExplainer />
          </CardBody>
        </Card>
      </div>
    </>
  );
}

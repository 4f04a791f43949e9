import type { Metadata } from "next";
import Link from "next/link";
import { requireTeamPage } from "@/lib/auth/page-guards";
import { visibleTeams } from "@/lib/auth/access";
import { canTeam } from "@/lib/auth/permissions";
import { listDestinations } from "@/lib/alerting/destinations/queries";
import { previewRules } from "@/lib/alerting/preview";
import { listBaselineRules, listTeamRules } from "@/lib/alerting/rules/queries";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { EmptyIcon } from "@/components/ui/icons";
import { RuleEditor } from "@/components/alerting/rule-editor";
import { RuleList } from "@/components/alerting/rule-list";
import { TeamSwitcher } from "@/components/teams/team-switcher";

export const metadata: Metadata = { title: "Team alert rules" };

export default async function TeamRulesPage({ params }: PageProps<"/o/[org]/alerting/rules/[team]">) {
  const { org: orgSlug, team: teamSlug } = await params;
  // The layout has turned a team the caller is not on (or another org's) into a 404.
  const access = await requireTeamPage(orgSlug, teamSlug);
  const teams = await visibleTeams(access);
  const base = `/o/${access.org.slug}/alerting/rules`;
  const canEdit = canTeam(access.teamRole, "team:routing:manage");
  const [baseline, rules, previews, destinations] = await Promise.all([
    listBaselineRules(access.org.id),
    listTeamRules(access.org.id, access.team.id),
    previewRules(access.org.id, access.team.id),
    listDestinations(access.org.id),
  ]);
  const teamDestinations = destinations.filter((d) => d.teamId === access.team.id);
  const editing = canEdit
    ? {
        orgSlug: access.org.slug,
        teamSlug: access.team.slug,
        ownerLabel: access.team.name,
        destinations: destinations.map((d) => ({ id: d.id, name: d.name, teamName: d.teamName })),
        baseline,
      }
    : null;

  return (
    <div className="space-y-6">
      <TeamSwitcher base={base} teams={teams} currentId={access.team.id} />

      <Card>
        <CardHeader
          title="Org baseline · always applies"
          description="Set by org admins for every team. The team's rules below add pages on top; they cannot remove or lower these."
          actions={
            <Link href={`/o/${access.org.slug}/alerting/baseline`} className="text-sm font-medium text-brand-600">
              Baseline policy →
            </Link>
          }
        />
        {baseline.length ? (
          <RuleList rules={baseline} label="Org baseline" />
        ) : (
          <p className="px-5 py-4 text-sm text-slate-500">No baseline rule: only this team&apos;s rules page.</p>
        )}
      </Card>

      <Card>
        <CardHeader
          title={`${access.team.name} rules`}
          description={
            <>
              In order: the first matching rule wins, unless it says “continue”.{" "}
              {teamDestinations.length
                ? `The team's own destination: ${teamDestinations.map((d) => d.name).join(", ")}.`
                : "The team has no destination of its own yet; rules using it fall back."}
              {canEdit ? null : " Only the team's admins change them."}
            </>
          }
          actions={editing ? <RuleEditor {...editing} /> : null}
        />
        {rules.length ? (
          <RuleList
            rules={rules}
            previews={new Map(previews.map((p) => [p.ruleId, p]))}
            editing={editing}
            label={`${access.team.name} rules`}
          />
        ) : (
          <div className="p-5">
            <EmptyState icon={<EmptyIcon name="bell" />} title={`${access.team.name} has no rules of its own`}>
              {canEdit
                ? "The baseline above still pages. Add a rule to page your on-call for more (e.g. high reliability findings in your namespaces), or to keep less important things in the feed with “no page”."
                : "The baseline above still pages. The team's admins can add rules on top."}
            </EmptyState>
          </div>
        )}
      </Card>
    </div>
  );
}

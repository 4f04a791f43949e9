import type { Metadata, Route } from "next";
import { requireTeamPage } from "@/lib/auth/page-guards";
import { canOrg, canTeam } from "@/lib/auth/permissions";
import { ruleNames } from "@/lib/automation/rules/editor-choices";
import { listRules } from "@/lib/automation/rules/queries";
import { LinkButton } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { NoRulesYet, RuleList } from "@/components/automation/rule-list";
import { TeamTabs } from "@/components/teams/team-tabs";

export const metadata: Metadata = { title: "Team automation" };

export default async function TeamAutomationPage({ params }: PageProps<"/o/[org]/teams/[team]/automation">) {
  const { org: orgSlug, team: teamSlug } = await params;
  // The layout has turned a team the caller is not on (or another org's) into a 404.
  const access = await requireTeamPage(orgSlug, teamSlug);
  const canEdit = canTeam(access.teamRole, "team:policies:manage");
  const base = `/o/${access.org.slug}/teams/${access.team.slug}/automation`;
  const [orgRules, rules, names] = await Promise.all([
    listRules(access.org.id, null),
    listRules(access.org.id, access.team.id),
    ruleNames(access.org.id),
  ]);
  const now = new Date();
  const newRule = canEdit ? <LinkButton href={`${base}/new` as Route}>New rule</LinkButton> : null;
  return (
    <>
      <PageHeader
        title={`${access.team.name}: automation`}
        description="Rules that change this team's findings as they arrive: severity, owner, tags, snoozes, due dates, tickets and messages."
      />
      <TeamTabs orgSlug={access.org.slug} teamSlug={access.team.slug} />
      <div className="space-y-6">
        <Card>
          <CardHeader
            title="Organization rules · run first"
            description="Set by org admins for every team; the team's rules below run after them."
          />
          {orgRules.length ? (
            <RuleList
              rules={orgRules}
              names={names}
              base={canOrg(access.role, "org:settings:manage") ? `/o/${access.org.slug}/settings/automation` : null}
              editing={null}
              label="Organization rules"
              now={now}
            />
          ) : (
            <p className="px-5 py-4 text-sm text-slate-500">No organization rules.</p>
          )}
        </Card>
        <Card>
          <CardHeader
            title={`${access.team.name} rules`}
            description={
              canEdit
                ? "In order, after the organization's; they only ever touch this team's findings."
                : "In order, after the organization's. Only the team's admins change them."
            }
            actions={rules.length ? newRule : null}
          />
          {rules.length ? (
            <RuleList
              rules={rules}
              names={names}
              base={base}
              editing={canEdit ? { orgSlug: access.org.slug, teamSlug: access.team.slug } : null}
              label={`${access.team.name} rules`}
              now={now}
            />
          ) : (
            <NoRulesYet action={newRule} />
          )}
        </Card>
      </div>
    </>
  );
}

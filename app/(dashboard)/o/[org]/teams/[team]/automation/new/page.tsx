import type { Metadata } from "next";
import { requireTeamPage } from "@/lib/auth/page-guards";
import { editorChoices, ruleNames } from "@/lib/automation/rules/editor-choices";
import { PageHeader } from "@/components/ui/page-header";
import { RuleEditor } from "@/components/automation/rule-editor";

export const metadata: Metadata = { title: "New team rule" };

export default async function NewTeamRulePage({ params }: PageProps<"/o/[org]/teams/[team]/automation/new">) {
  const { org: orgSlug, team: teamSlug } = await params;
  const access = await requireTeamPage(orgSlug, teamSlug, "team:policies:manage");
  const [choices, names] = await Promise.all([editorChoices(access.org.id, access.team.id), ruleNames(access.org.id)]);
  return (
    <>
      <PageHeader
        title={`New ${access.team.name} rule`}
        description="Runs on this team's findings, after the organization's rules."
      />
      <RuleEditor
        orgSlug={access.org.slug}
        teamSlug={access.team.slug}
        choices={choices}
        names={names}
        listHref={`/o/${access.org.slug}/teams/${access.team.slug}/automation`}
      />
    </>
  );
}

import type { Metadata } from "next";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { editorChoices, ruleNames } from "@/lib/automation/rules/editor-choices";
import { PageHeader } from "@/components/ui/page-header";
import { RuleEditor } from "@/components/automation/rule-editor";

export const metadata: Metadata = { title: "New automation rule" };

export default async function NewOrgRulePage({ params }: PageProps<"/o/[org]/settings/automation/new">) {
  const { org: orgSlug } = await params;
  const access = await requireOrgPage(orgSlug, "org:settings:manage");
  const [choices, names] = await Promise.all([editorChoices(access.org.id, null), ruleNames(access.org.id)]);
  return (
    <>
      <PageHeader
        title="New organization rule"
        description="Runs on every team's findings, before the teams' own rules."
      />
      <RuleEditor
        orgSlug={access.org.slug}
        teamSlug=""
        choices={choices}
        names={names}
        listHref={`/o/${access.org.slug}/settings/automation`}
      />
    </>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { ruleOfListOrNull } from "@/lib/automation/rules/page-rule";
import { rulePageData } from "@/lib/automation/rules/rule-page-data";
import { RulePageBody } from "@/components/automation/rule-page-body";

export const metadata: Metadata = { title: "Automation rule" };

export default async function OrgRulePage({ params, searchParams }: PageProps<"/o/[org]/settings/automation/[id]">) {
  const { org: orgSlug, id } = await params;
  const access = await requireOrgPage(orgSlug, "org:settings:manage");
  const rule = await ruleOfListOrNull(access.org.id, null, id);
  if (!rule) notFound();
  const runs = (await searchParams).runs;
  const data = await rulePageData(access.org.id, null, rule.id, {
    canEdit: true,
    runsCursor: typeof runs === "string" ? runs : null,
  });
  return (
    <RulePageBody
      orgSlug={access.org.slug}
      teamSlug={null}
      rule={rule}
      canEdit
      listHref={`/o/${access.org.slug}/settings/automation`}
      data={data}
    />
  );
}

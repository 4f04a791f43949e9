import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireTeamPage } from "@/lib/auth/page-guards";
import { canTeam } from "@/lib/auth/permissions";
import { ruleOfListOrNull } from "@/lib/automation/rules/page-rule";
import { rulePageData } from "@/lib/automation/rules/rule-page-data";
import { RulePageBody } from "@/components/automation/rule-page-body";

export const metadata: Metadata = { title: "Team automation rule" };

export default async function TeamRulePage({
  params,
  searchParams,
}: PageProps<"/o/[org]/teams/[team]/automation/[id]">) {
  const { org: orgSlug, team: teamSlug, id } = await params;
  const access = await requireTeamPage(orgSlug, teamSlug);
  const rule = await ruleOfListOrNull(access.org.id, access.team.id, id);
  if (!rule) notFound();
  const runs = (await searchParams).runs;
  const canEdit = canTeam(access.teamRole, "team:policies:manage");
  const data = await rulePageData(access.org.id, access.team.id, rule.id, {
    canEdit,
    runsCursor: typeof runs === "string" ? runs : null,
  });
  return (
    <RulePageBody
      orgSlug={access.org.slug}
      teamSlug={access.team.slug}
      rule={rule}
      canEdit={canEdit}
      listHref={`/o/${access.org.slug}/teams/${access.team.slug}/automation`}
      data={data}
    />
  );
}

import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { visibleTeams } from "@/lib/auth/access";
import { EmptyState } from "@/components/ui/empty-state";
import { EmptyIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Team alert rules" };

/** Opens the caller's first team's rules (org admins: the first team of the org). */
export default async function TeamRulesIndex({ params }: PageProps<"/o/[org]/alerting/rules">) {
  const { org: orgSlug } = await params;
  const access = await requireOrgPage(orgSlug);
  const [first] = await visibleTeams(access);
  if (first) redirect(`/o/${access.org.slug}/alerting/rules/${first.slug}`);
  return (
    <EmptyState icon={<EmptyIcon name="bell" />} title="You are not on a team yet">
      Team rules belong to a team: ask an org admin to add you to yours. The org baseline still pages for every team.
    </EmptyState>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { visibleTeams } from "@/lib/auth/access";
import { canOrg } from "@/lib/auth/permissions";
import { summarizeTeamOverrides } from "@/lib/policies/queries";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { EmptyIcon } from "@/components/ui/icons";
import { TeamOverridesList } from "@/components/policies/team-overrides-list";

export const metadata: Metadata = { title: "Team policy overrides" };

export default async function TeamOverridesIndex({ params }: PageProps<"/o/[org]/policies/teams">) {
  const { org: orgSlug } = await params;
  const access = await requireOrgPage(orgSlug);
  const teams = await visibleTeams(access);
  const allTeams = canOrg(access.role, "org:teams:manage");
  if (!teams.length) {
    return allTeams ? (
      <EmptyState
        icon={<EmptyIcon name="shield" />}
        title="No teams yet"
        action={
          <Link href={`/o/${access.org.slug}/settings/teams`} className={buttonClass("secondary")}>
            Create a team
          </Link>
        }
      >
        Teams own workloads by their scope; a team&apos;s admins can then make checks stricter for its own workloads.
        Until then the baseline on the Checks tab applies to everything.
      </EmptyState>
    ) : (
      <EmptyState icon={<EmptyIcon name="shield" />} title="You are not on a team yet">
        Team overrides belong to a team: ask an org admin to add you to yours. The org&apos;s baseline on the Checks tab
        applies to every workload.
      </EmptyState>
    );
  }
  const summaries = await summarizeTeamOverrides(access.org.id, teams);
  return <TeamOverridesList base={`/o/${access.org.slug}/policies/teams`} teams={summaries} allTeams={allTeams} />;
}

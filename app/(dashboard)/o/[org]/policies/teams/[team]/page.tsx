import type { Metadata } from "next";
import { requireTeamPage } from "@/lib/auth/page-guards";
import { visibleTeams } from "@/lib/auth/access";
import { canTeam } from "@/lib/auth/permissions";
import { getTeamPolicy } from "@/lib/policies/queries";
import { Alert } from "@/components/ui/alert";
import { TeamChecksTables } from "@/components/policies/team-checks-table";
import { TeamSwitcher } from "@/components/teams/team-switcher";

export const metadata: Metadata = { title: "Team policy overrides" };

export default async function TeamPolicyPage({ params }: PageProps<"/o/[org]/policies/teams/[team]">) {
  const { org: orgSlug, team: teamSlug } = await params;
  // The layout has turned a team the caller is not on (or another org's) into a 404.
  const access = await requireTeamPage(orgSlug, teamSlug);
  const editable = canTeam(access.teamRole, "team:policies:manage");
  const [teams, policy] = await Promise.all([visibleTeams(access), getTeamPolicy(access.org.id, access.team.id)]);
  return (
    <div className="space-y-6">
      <TeamSwitcher base={`/o/${access.org.slug}/policies/teams`} teams={teams} currentId={access.team.id} />
      <div>
        <h2 className="text-lg font-semibold text-slate-900">{access.team.name} overrides</h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-500">
          {editable
            ? "Make a check stricter for this team's workloads: turn on a check the org turned off, raise its severity, make it block. Only stricter choices are offered; the org's baseline always applies. “Applies” is what the admission webhook and the CI command use for the team's objects."
            : "Stricter settings this team's admins chose for its workloads, on top of the org's baseline. “Applies” is what the admission webhook and the CI command use for the team's objects."}
        </p>
      </div>
      {policy.passive ? (
        <Alert tone="warning">
          Passive mode is on for the org: checks that block only warn, and the admission log records them as “would
          deny”.
        </Alert>
      ) : null}
      <TeamChecksTables
        orgSlug={access.org.slug}
        teamSlug={access.team.slug}
        checks={policy.checks}
        editable={editable}
      />
    </div>
  );
}

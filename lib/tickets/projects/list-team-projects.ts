import "server-only";
import { db } from "@/lib/server/db";
import { getTicketProject, PROJECT_SELECT, toProjectView, type TTicketProjectView } from "./get-ticket-project";
import { projectTarget } from "./target";

/** Where one team's tickets go: its own project, the org default, or nowhere yet. */
export type TTeamProjectRow = {
  teamId: string;
  teamSlug: string;
  teamName: string;
  source: "own" | "default" | "none";
  connectionName: string | null;
  /** "PAY · Bug", "acme/payments". */
  target: string | null;
};

/** The org default and, for every team, whether it overrides it. */
export async function listTeamProjects(
  orgId: string,
): Promise<{ orgDefault: TTicketProjectView | null; teams: TTeamProjectRow[] }> {
  const [orgDefault, teams, own] = await Promise.all([
    getTicketProject(orgId, { teamId: null }),
    db.team.findMany({ where: { orgId }, select: { id: true, slug: true, name: true }, orderBy: { name: "asc" } }),
    db.ticketProject.findMany({ where: { orgId, teamId: { not: null } }, select: PROJECT_SELECT }),
  ]);
  const byTeam = new Map(own.map((row) => [row.teamId, toProjectView(row)]));
  return {
    orgDefault,
    teams: teams.map((team) => {
      const project = byTeam.get(team.id) ?? orgDefault;
      return {
        teamId: team.id,
        teamSlug: team.slug,
        teamName: team.name,
        source: byTeam.has(team.id) ? "own" : orgDefault ? "default" : "none",
        connectionName: project?.connectionName ?? null,
        target: project ? projectTarget(project.settings) : null,
      };
    }),
  };
}

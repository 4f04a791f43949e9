import "server-only";
import type { TOrgAccess } from "@/lib/auth/access";
import { canOrg, canTeam, effectiveTeamRole } from "@/lib/auth/permissions";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";

/**
 * Who may change a budget: a team admin (team:budgets:manage) for the team's budgets, an org
 * admin (org:settings:manage) for org-wide label budgets. A team the user cannot see is not_found.
 */
export async function authorizeBudgetTeam(access: TOrgAccess, teamId: string | null): Promise<void> {
  if (teamId === null) {
    if (!canOrg(access.role, "org:settings:manage")) {
      throw new AppError("forbidden", "Only org admins set org-wide budgets.");
    }
    return;
  }
  const team = await db.team.findFirst({ where: { id: teamId, orgId: access.org.id }, select: { id: true } });
  const role = team ? effectiveTeamRole(access.role, access.teamRoles.get(team.id)) : null;
  if (!team || !role) throw new AppError("not_found", "Team not found.", { field: "teamId" });
  if (!canTeam(role, "team:budgets:manage")) throw new AppError("forbidden", "Only team admins change budgets.");
}

/** The budget of this org, for update/delete; not_found otherwise. */
export async function loadBudget(orgId: string, budgetId: string) {
  const budget = await db.costBudget.findFirst({ where: { id: budgetId, orgId } });
  if (!budget) throw new AppError("not_found", "Budget not found.");
  return budget;
}

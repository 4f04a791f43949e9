import "server-only";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { canSeeTeam, type TSlaContext } from "./context";

/** A team of the caller's org by slug, for the API; one they cannot see is not_found (no existence leak). */
export async function slaTeamBySlug(ctx: TSlaContext, slug: string) {
  const team = await db.team.findUnique({
    where: { orgId_slug: { orgId: ctx.orgId, slug } },
    select: { id: true, slug: true, name: true },
  });
  if (!team || !canSeeTeam(ctx, team.id)) throw new AppError("not_found", "Team not found.");
  return team;
}

import "server-only";
import { notFound } from "next/navigation";
import type { TOrgAccess } from "@/lib/auth/access";
import { scopeIncludesTeam } from "@/lib/auth/visibility-scope";
import { AppError } from "@/lib/server/errors";
import { findCostTeam } from "../queries/team";
import { costScopeOf } from "../scope";

/**
 * Runs a cost page's reads: a team or service the scope may not read is `AppError("not_found")`
 * in lib/cost, and Next's 404 page here, the same as a team that does not exist.
 */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
}

/**
 * A cost team URL segment (a slug, or "unassigned") the caller may read: the team, or null for
 * the unassigned workloads. Anything else is a 404, like a team that does not exist.
 */
export async function costTeamOr404(
  access: TOrgAccess,
  teamSlug: string,
): Promise<{ id: string; slug: string; name: string } | null> {
  const team = await orNotFound(findCostTeam(access.org.id, teamSlug));
  if (!scopeIncludesTeam(costScopeOf(access), team?.id ?? null)) notFound();
  return team;
}

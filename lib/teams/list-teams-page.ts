import "server-only";
import { db } from "@/lib/server/db";

export type TTeamKey = { priority: number; slug: string };

/**
 * Teams in ownership order (priority, then slug: unique per org, so a valid keyset), one page
 * after `after`. `onlyIds` limits the list to the teams a member belongs to.
 */
export async function listTeamsPage(
  orgId: string,
  page: { limit: number; after?: TTeamKey; onlyIds?: readonly string[] },
) {
  const { after } = page;
  const rows = await db.team.findMany({
    where: {
      orgId,
      ...(page.onlyIds ? { id: { in: [...page.onlyIds] } } : {}),
      ...(after
        ? { OR: [{ priority: { gt: after.priority } }, { priority: after.priority, slug: { gt: after.slug } }] }
        : {}),
    },
    orderBy: [{ priority: "asc" }, { slug: "asc" }],
    take: page.limit + 1,
    select: { id: true, slug: true, name: true, description: true, priority: true, scopeRules: true, createdAt: true },
  });
  const hasMore = rows.length > page.limit;
  const teams = rows.slice(0, page.limit);
  const last = teams[teams.length - 1];
  return { teams, next: hasMore && last ? { priority: last.priority, slug: last.slug } : null };
}

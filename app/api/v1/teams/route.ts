import { z } from "zod";
import { canOrg } from "@/lib/auth/permissions";
import { listTeamsPage } from "@/lib/teams/list-teams-page";
import { decodeCursor, listResponse, parseListParams, withApi } from "@/lib/api/http";

export const dynamic = "force-dynamic";

const ZTeamCursor = z.object({ p: z.number().int(), s: z.string().min(1).max(40) });

export const GET = withApi(
  async ({ url, org, principal }) => {
    const { limit, cursor } = parseListParams(url);
    const after = cursor ? decodeCursor(cursor, ZTeamCursor) : undefined;
    // Org tokens and org admins see every team; a member sees the teams they belong to.
    const onlyIds =
      principal.type === "session" && !canOrg(principal.access.role, "org:teams:manage")
        ? [...principal.access.teamRoles.keys()]
        : undefined;
    const { teams, next } = await listTeamsPage(org.id, {
      limit,
      after: after && { priority: after.p, slug: after.s },
      onlyIds,
    });
    return listResponse(
      teams.map(({ id, slug, name, description, priority, scopeRules, createdAt }) => ({
        id,
        slug,
        name,
        description,
        priority,
        scopeRules,
        createdAt,
      })),
      next && { p: next.priority, s: next.slug },
    );
  },
  { permission: "org:read" },
);

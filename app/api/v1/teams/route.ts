import { canOrg } from "@/lib/auth/permissions";
import { listTeamsPage } from "@/lib/teams/list-teams-page";
import { listResponse, parseListParams, withApi } from "@/lib/api/http";

export const dynamic = "force-dynamic";

export const GET = withApi(
  async ({ url, org, principal }) => {
    const { limit, cursor } = parseListParams(url);
    // Org tokens and org admins see every team; a member sees the teams they belong to.
    const onlyIds =
      principal.type === "session" && !canOrg(principal.access.role, "org:teams:manage")
        ? [...principal.access.teamRoles.keys()]
        : undefined;
    const { teams, next } = await listTeamsPage(org.id, {
      limit,
      cursor,
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
      next,
    );
  },
  { permission: "org:read" },
);

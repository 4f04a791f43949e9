import { json, withApi } from "@/lib/api/http";
import { findCostTeam, getTeamCostView } from "@/lib/cost/queries/team";
import { costScopeForPrincipal, parseBreakdownBy, parseCostRange } from "@/lib/cost/request";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/cost/teams/{team}?range=30d[&by=service|namespace|workload|container]: one team's
 * cost (or "unassigned"): total, change, efficiency, month-to-date and forecast, the breakdown
 * and the top movers. A team the caller cannot read is not_found.
 */
export const GET = withApi<{ team: string }>(
  async ({ url, org, principal, params }) => {
    const range = parseCostRange(url.searchParams);
    const by = parseBreakdownBy(url.searchParams);
    const scope = costScopeForPrincipal(org.id, principal);
    const team = await findCostTeam(org.id, params.team);
    const teamId = team?.id ?? null;
    const { summary, breakdown, movers } = await getTeamCostView(scope, teamId, range, by);
    return json({ data: { team, summary, by, breakdown, movers } });
  },
  { permission: "org:read" },
);

import { json, withApi } from "@/lib/server/http";
import { costScopeForPrincipal, parseCostRange, parseSeriesGroup } from "@/lib/cost/api";
import { getCostSeries, getCostSummary, listTeamCosts } from "@/lib/cost/overview";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/cost/overview?range=30d[&from&to][&groupBy=team|cluster|namespace|label&labelKey=]:
 * total, change, efficiency, month-to-date and forecast; the daily series grouped as asked; the
 * team table with unassigned, idle and unallocated rows.
 */
export const GET = withApi(
  async ({ url, org, principal }) => {
    const range = parseCostRange(url.searchParams);
    const { groupBy, labelKey } = parseSeriesGroup(url.searchParams);
    const scope = costScopeForPrincipal(org.id, principal);
    const [summary, series, teams] = await Promise.all([
      getCostSummary(scope, range),
      getCostSeries(scope, range, groupBy, labelKey),
      listTeamCosts(scope, range),
    ]);
    return json({ data: { summary, groupBy, labelKey: labelKey ?? null, series, teams } });
  },
  { permission: "org:read" },
);

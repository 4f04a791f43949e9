import { json, withApi } from "@/lib/api/http";
import { costScopeForPrincipal, parseCostRange, parseSeriesGroup, parseTop } from "@/lib/cost/request";
import { getCostOverviewView } from "@/lib/cost/loaders/api";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/cost/overview?range=30d[&from&to][&groupBy=team|cluster|namespace|label&labelKey=][&top=8]:
 * total, change, efficiency, month-to-date and forecast; the daily series grouped as asked (chart
 * rows, top N + Other); the team table with unassigned, idle and unallocated rows.
 */
export const GET = withApi(
  async ({ url, org, principal }) => {
    const range = parseCostRange(url.searchParams);
    const { groupBy, labelKey } = parseSeriesGroup(url.searchParams);
    const top = parseTop(url.searchParams);
    const scope = costScopeForPrincipal(org.id, principal);
    return json({ data: await getCostOverviewView(scope, range, groupBy, labelKey, top) });
  },
  { permission: "org:read" },
);

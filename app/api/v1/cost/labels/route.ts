import { json, withApi } from "@/lib/api/http";
import { costScopeForPrincipal, parseCostRange, parseLabelKey, parseTop } from "@/lib/cost/request";
import { getLabelCostView } from "@/lib/cost/loaders/api";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/cost/labels?key=<label key>&range=30d[&top=8]: cost by the values of a label key,
 * workloads without it as "(none)", idle and unallocated as their own rows; the daily series as
 * chart rows; plus the keys to choose from.
 */
export const GET = withApi(
  async ({ url, org, principal }) => {
    const range = parseCostRange(url.searchParams);
    const key = parseLabelKey(url.searchParams, "key");
    const top = parseTop(url.searchParams);
    const scope = costScopeForPrincipal(org.id, principal);
    return json({ data: await getLabelCostView(scope, range, key, top) });
  },
  { permission: "org:read" },
);

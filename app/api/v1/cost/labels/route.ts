import { json, withApi } from "@/lib/server/http";
import { costScopeForPrincipal, parseCostRange, parseLabelKey } from "@/lib/cost/api";
import { labelCostSeries, listCostLabelKeys, listLabelCosts } from "@/lib/cost/labels";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/cost/labels?key=<label key>&range=30d: cost by the values of a label key, workloads
 * without it as "(none)", idle and unallocated as their own rows; plus the keys to choose from.
 */
export const GET = withApi(
  async ({ url, org, principal }) => {
    const range = parseCostRange(url.searchParams);
    const key = parseLabelKey(url.searchParams, "key");
    const scope = costScopeForPrincipal(org.id, principal);
    const [keys, rows, series] = await Promise.all([
      listCostLabelKeys(scope, range),
      listLabelCosts(scope, range, key),
      labelCostSeries(scope, range, key),
    ]);
    return json({ data: { key, range, keys, rows, series } });
  },
  { permission: "org:read" },
);

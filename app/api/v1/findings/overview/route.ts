import { json, withApi } from "@/lib/api/http";
import { apiFindingScope } from "@/lib/findings/api-scope";
import { parseFindingFilters } from "@/lib/findings/filters";
import { findingsOverview } from "@/lib/findings/overview";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/findings/overview[?team=<slug>]: open findings by severity and category, all
 * findings by state, the 30-day trend, the worst clusters and namespaces, the newest critical.
 */
export const GET = withApi(
  async ({ url, org, principal }) => {
    const { filters } = parseFindingFilters(url.searchParams);
    const { scope } = apiFindingScope(org.id, principal);
    return json({ data: await findingsOverview(scope, new Date(), filters.team) });
  },
  { permission: "org:read" },
);

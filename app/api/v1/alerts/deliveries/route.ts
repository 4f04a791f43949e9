import { AppError } from "@/lib/server/errors";
import { json, withApi } from "@/lib/api/http";
import { apiFindingScope } from "@/lib/findings/api-scope";
import { listDeliveryLogByQuery } from "@/lib/alerting/queries";
import { ZDeliveryLogQuery } from "@/lib/alerting/schemas";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/alerts/deliveries: the PagerDuty delivery log the caller may see (their teams'
 * events; everything for org admins and org tokens), newest first, filtered by team, destination,
 * status and action. Never includes routing keys.
 */
export const GET = withApi(
  async ({ url, org, principal }) => {
    const parsed = ZDeliveryLogQuery.safeParse(Object.fromEntries(url.searchParams));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new AppError("bad_request", issue.message, { field: String(issue.path[0] ?? "query") });
    }
    const { scope } = apiFindingScope(org.id, principal);
    return json(await listDeliveryLogByQuery(scope, parsed.data));
  },
  { permission: "org:read" },
);

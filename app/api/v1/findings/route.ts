import { AppError } from "@/lib/server/errors";
import { json, parseListParams, withApi } from "@/lib/api/http";
import { apiFindingScope } from "@/lib/findings/api-scope";
import { parseFindingFilters } from "@/lib/findings/filters";
import { listCheckGroups, listFindings, listResourceGroups } from "@/lib/findings/queries";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/findings: the findings the caller may see, filtered like the findings page
 * (team, cluster, namespace, severity, category, source, check, status, assignee, tag, rule,
 * from, to, ticket, due, overdue, q, sort, group), with cursor pagination. Each finding carries
 * its `due` date, `overdue`, `tags`, `reportedSeverity` and `changedByRules`.
 */
export const GET = withApi(
  async ({ url, org, principal }) => {
    const { filters, problems } = parseFindingFilters(url.searchParams);
    if (problems.length) throw new AppError("bad_request", problems[0].message, { field: problems[0].field, problems });
    const { limit, cursor } = parseListParams(url);
    const { scope, viewer } = apiFindingScope(org.id, principal);
    const page =
      filters.group === "check"
        ? await listCheckGroups(scope, filters, viewer, { limit, cursor })
        : filters.group === "resource"
          ? await listResourceGroups(scope, filters, viewer, { limit, cursor })
          : await listFindings(scope, filters, viewer, { limit, cursor });
    return json(page);
  },
  { permission: "org:read" },
);

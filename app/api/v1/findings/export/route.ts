import { AppError } from "@/lib/server/errors";
import { withApi } from "@/lib/api/http";
import { apiFindingScope } from "@/lib/findings/api-scope";
import { findingsCsvStream } from "@/lib/findings/csv";
import { parseFindingFilters } from "@/lib/findings/filters";

export const dynamic = "force-dynamic";

/** GET /api/v1/findings/export: the filtered findings as CSV, streamed. */
export const GET = withApi(
  async ({ url, org, principal }) => {
    const { filters, problems } = parseFindingFilters(url.searchParams);
    if (problems.length) throw new AppError("bad_request", problems[0].message, { field: problems[0].field, problems });
    const { scope, viewer } = apiFindingScope(org.id, principal);
    const day = new Date().toISOString().slice(0, 10);
    return new Response(findingsCsvStream(scope, { ...filters, group: "none" }, viewer), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="findings-${org.slug}-${day}.csv"`,
      },
    });
  },
  { permission: "org:read" },
);

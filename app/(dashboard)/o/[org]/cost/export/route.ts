import { authorizeOrg } from "@/lib/auth/access";
import { parseCostRange } from "@/lib/cost/request";
import { costScopeOf } from "@/lib/cost/scope";
import { costCsv } from "@/lib/cost/loaders/csv";
import { withErrors } from "@/lib/api/http";

export const dynamic = "force-dynamic";

/**
 * GET /o/{org}/cost/export?table=teams|labels|breakdown|movers|service|rightsizing|budgets|cloud
 * &range=…[&team=…&by=…&service=…&labelKey=…]: a cost page's table as CSV, for the signed-in
 * user's scope (a team they cannot read is 404, as on the page).
 */
export const GET = withErrors<{ org: string }>(async (req, _requestId, params) => {
  const access = await authorizeOrg(params.org);
  const url = new URL(req.url);
  const range = parseCostRange(url.searchParams);
  const { filename, stream } = await costCsv(costScopeOf(access), range, url.searchParams);
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename.replace(/[^\w.-]+/g, "_")}"`,
    },
  });
});

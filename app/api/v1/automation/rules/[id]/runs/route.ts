import { listResponse, parseListParams, withApi } from "@/lib/api/http";
import { listRuleRuns } from "@/lib/automation/rule-runs";
import { assertRuleListAccess } from "@/lib/automation/rules/access";
import { getRule } from "@/lib/automation/rules/queries";

export const dynamic = "force-dynamic";

/** GET /api/v1/automation/rules/{id}/runs?limit&cursor: the rule's run ledger, newest first. */
export const GET = withApi<{ id: string }>(
  async ({ url, org, principal, params }) => {
    const rule = await getRule(org.id, params.id);
    assertRuleListAccess(principal, rule.teamId, "read");
    const { limit, cursor } = parseListParams(url);
    const page = await listRuleRuns(org.id, rule.id, { limit, cursor });
    return listResponse(page.runs, page.nextCursor);
  },
  { permission: "org:read" },
);

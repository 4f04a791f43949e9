import { json, withApi } from "@/lib/api/http";
import { costScopeForPrincipal } from "@/lib/cost/request";
import { listBudgets } from "@/lib/cost/budgets/queries";

export const dynamic = "force-dynamic";

/** GET /api/v1/cost/budgets: the budgets the caller may read, with this month's progress and alerts. */
export const GET = withApi(
  async ({ org, principal }) => json({ data: await listBudgets(costScopeForPrincipal(org.id, principal)) }),
  { permission: "org:read" },
);

import "server-only";
import { listRuleRuns } from "@/lib/automation/rule-runs";
import { AppError } from "@/lib/server/errors";

/** One page of a rule's ledger for its page; a cursor that is not ours (an edited URL) starts over. */
export async function ruleRunsPage(orgId: string, ruleId: string, cursor: string | null, limit = 20) {
  try {
    return { ...(await listRuleRuns(orgId, ruleId, { limit, cursor })), cursor };
  } catch (err) {
    if (!(err instanceof AppError) || !cursor) throw err;
    return { ...(await listRuleRuns(orgId, ruleId, { limit })), cursor: null };
  }
}

import "server-only";
import { AppError } from "@/lib/server/errors";
import { getRule, type TRuleView } from "./queries";

/** The rule of a page's list (teamId null: the org's), or null: another list's rule is "not found" there. */
export async function ruleOfListOrNull(orgId: string, teamId: string | null, id: string): Promise<TRuleView | null> {
  try {
    const rule = await getRule(orgId, id);
    return rule.teamId === teamId ? rule : null;
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") return null;
    throw err;
  }
}

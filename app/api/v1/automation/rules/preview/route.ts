import { json, readJson, withApi } from "@/lib/api/http";
import { assertRuleListAccess, teamIdOfSlug } from "@/lib/automation/rules/access";
import { asRuleInput, ZRulePatch } from "@/lib/automation/rules/api-input";
import { previewDraft } from "@/lib/automation/rules/preview-draft";
import { getRule } from "@/lib/automation/rules/queries";
import type { TAutomationRuleInput } from "@/lib/automation/schemas";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/automation/rules/preview[?team=<slug>][&rule=<id>]: what the draft in the body would
 * change now (an edit of rule `id` when given), without changing anything.
 */
export const POST = withApi(
  async ({ req, url, org, principal }) => {
    const ruleId = url.searchParams.get("rule");
    const teamId = ruleId
      ? (await getRule(org.id, ruleId)).teamId
      : await teamIdOfSlug(org.id, url.searchParams.get("team"));
    assertRuleListAccess(principal, teamId, "manage");
    const draft = asRuleInput(await readJson(req, ZRulePatch)) as TAutomationRuleInput;
    return json({ data: await previewDraft(org.id, teamId, ruleId, draft) });
  },
  { permission: "org:read" },
);

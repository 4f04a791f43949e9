import { json, withApi } from "@/lib/api/http";
import { assertRuleListAccess } from "@/lib/automation/rules/access";
import { applyRule } from "@/lib/automation/rules/apply-rule";
import { getRule } from "@/lib/automation/rules/queries";

export const dynamic = "force-dynamic";

/** POST /api/v1/automation/rules/{id}/apply: queues "apply to existing findings"; poll the job. */
export const POST = withApi<{ id: string }>(
  async ({ org, principal, params, actor }) => {
    const rule = await getRule(org.id, params.id);
    assertRuleListAccess(principal, rule.teamId, "manage");
    return json({ data: await applyRule(org.id, actor, rule.teamId, rule.id) }, { status: 202 });
  },
  { permission: "org:read" },
);

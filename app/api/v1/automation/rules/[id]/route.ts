import { json, readJson, withApi } from "@/lib/api/http";
import { assertRuleListAccess } from "@/lib/automation/rules/access";
import { asRuleInput, ZRulePatch } from "@/lib/automation/rules/api-input";
import { deleteRule } from "@/lib/automation/rules/delete-rule";
import { getRule } from "@/lib/automation/rules/queries";
import { updateRule } from "@/lib/automation/rules/update-rule";

export const dynamic = "force-dynamic";

type TParams = { id: string };

/** GET /api/v1/automation/rules/{id}: one rule with its last run; 404 outside the caller's lists. */
export const GET = withApi<TParams>(
  async ({ org, principal, params }) => {
    const rule = await getRule(org.id, params.id);
    assertRuleListAccess(principal, rule.teamId, "read");
    return json({ data: rule });
  },
  { permission: "org:read" },
);

/** PATCH /api/v1/automation/rules/{id}: changes the settings given; the rest stay. */
export const PATCH = withApi<TParams>(
  async ({ req, org, principal, params, actor }) => {
    const rule = await getRule(org.id, params.id);
    assertRuleListAccess(principal, rule.teamId, "manage");
    const patch = await readJson(req, ZRulePatch);
    return json({ data: await updateRule(org.id, actor, rule.teamId, rule.id, asRuleInput(patch)) });
  },
  { permission: "org:read" },
);

/** DELETE /api/v1/automation/rules/{id}. */
export const DELETE = withApi<TParams>(
  async ({ org, principal, params, actor }) => {
    const rule = await getRule(org.id, params.id);
    assertRuleListAccess(principal, rule.teamId, "manage");
    return json({ data: await deleteRule(org.id, actor, rule.teamId, rule.id) });
  },
  { permission: "org:read" },
);

import { json, readJson, withApi } from "@/lib/api/http";
import { assertRuleListAccess, teamIdOfSlug } from "@/lib/automation/rules/access";
import { asRuleInput, ZRuleCreate } from "@/lib/automation/rules/api-input";
import { createRule } from "@/lib/automation/rules/create-rule";
import { listRules } from "@/lib/automation/rules/queries";
import type { TAutomationRuleInput } from "@/lib/automation/schemas";

export const dynamic = "force-dynamic";

/** GET /api/v1/automation/rules[?team=<slug>]: the org's rules, or a team's, in the order they run. */
export const GET = withApi(
  async ({ url, org, principal }) => {
    const teamId = await teamIdOfSlug(org.id, url.searchParams.get("team"));
    assertRuleListAccess(principal, teamId, "read");
    return json({ data: await listRules(org.id, teamId) });
  },
  { permission: "org:read" },
);

/** POST /api/v1/automation/rules[?team=<slug>]: adds a rule (at the end, or at `index`). */
export const POST = withApi(
  async ({ req, url, org, principal, actor }) => {
    const teamId = await teamIdOfSlug(org.id, url.searchParams.get("team"));
    assertRuleListAccess(principal, teamId, "manage");
    const { index, ...rule } = await readJson(req, ZRuleCreate);
    const created = await createRule(org.id, actor, teamId, asRuleInput(rule) as TAutomationRuleInput, { index });
    return json({ data: created }, { status: 201 });
  },
  { permission: "org:read" },
);

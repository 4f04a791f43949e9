import { json, readJson, withApi } from "@/lib/api/http";
import { assertRuleListAccess } from "@/lib/automation/rules/access";
import { ZMove } from "@/lib/automation/rules/api-input";
import { moveRule } from "@/lib/automation/rules/move-rule";
import { getRule } from "@/lib/automation/rules/queries";

export const dynamic = "force-dynamic";

/** POST /api/v1/automation/rules/{id}/move {"direction":"up"|"down"} or {"index":n}: the list after the move. */
export const POST = withApi<{ id: string }>(
  async ({ req, org, principal, params, actor }) => {
    const rule = await getRule(org.id, params.id);
    assertRuleListAccess(principal, rule.teamId, "manage");
    const move = await readJson(req, ZMove);
    const to = "direction" in move ? move.direction : { index: move.index };
    return json({ data: await moveRule(org.id, actor, rule.teamId, rule.id, to) });
  },
  { permission: "org:read" },
);

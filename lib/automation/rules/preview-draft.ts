import "server-only";
import { randomUUID } from "node:crypto";
import { parseInput } from "@/lib/alerting/parse-input";
import { previewRule, type TPreview } from "@/lib/automation/engine/preview";
import { db, type Tx } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { ZAutomationRuleInput, type TAutomationRule, type TAutomationRuleInput } from "../schemas";
import { assertListOwner, assertRuleAllowed } from "./write-checks";

/** Shown in the preview's sample while the draft has no name yet. */
const DRAFT_NAME = "This draft";

/**
 * What a draft (a new rule, or an edit of `ruleId`) would do to the findings its list can touch
 * now, without changing anything: the same checks as saving first, so a preview never shows what
 * a save would refuse. An edit keeps the rule's id and place, so the engine sees it where it runs.
 */
export async function previewDraft(
  orgId: string,
  teamId: string | null,
  ruleId: string | null,
  input: TAutomationRuleInput,
  options: { now?: Date; sampleSize?: number } = {},
): Promise<TPreview> {
  const named =
    typeof input.name === "string" && input.name.trim().length >= 2 ? input : { ...input, name: DRAFT_NAME };
  const parsed = parseInput(ZAutomationRuleInput, named);
  // Reads only: the checks take a transaction client, the plain client answers the same reads.
  const reader = db as unknown as Tx;
  await assertListOwner(reader, orgId, teamId);
  await assertRuleAllowed(reader, orgId, teamId, parsed);
  let position = (await db.automationRule.count({ where: { orgId, teamId } })) + 1;
  if (ruleId) {
    const stored = await db.automationRule.findFirst({
      where: { id: ruleId, orgId, teamId },
      select: { position: true },
    });
    if (!stored) throw notFound("Rule not found.");
    position = stored.position;
  }
  const draft: TAutomationRule = { ...parsed, id: ruleId ?? randomUUID(), orgId, teamId, position };
  return previewRule(orgId, draft, { sampleSize: 10, ...options });
}

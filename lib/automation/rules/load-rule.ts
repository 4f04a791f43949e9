import "server-only";
import { z } from "zod";
import type { Tx } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";

/**
 * A rule of the given list (teamId null: the org's), locked for the transaction. A rule of
 * another team, of the org's list when a team is named, or of another org is not_found: that is
 * how a team admin is kept to their own team's rules.
 */
export async function loadRuleForUpdate(tx: Tx, orgId: string, teamId: string | null, ruleId: string) {
  if (!z.uuid().safeParse(ruleId).success) throw notFound("Rule not found.");
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM automation_rules WHERE id = ${ruleId}::uuid AND org_id = ${orgId}::uuid FOR UPDATE`;
  const rule = rows.length ? await tx.automationRule.findFirst({ where: { id: ruleId, orgId, teamId } }) : null;
  if (!rule) throw notFound("Rule not found.");
  return rule;
}

import "server-only";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { evaluateOrgAlerts } from "../engine/evaluate";
import { isUuid, parseInput } from "../parse-input";
import { ZRuleInput, type TRuleInput } from "../schemas";
import { getRule, type TRuleView } from "./queries";
import { assertRuleValid, ruleData } from "./write-rule";

/** Replaces a rule's settings (its position stays). A rule of another team or org is not_found. */
export async function updateRule(
  orgId: string,
  actor: TAuditEntry["actor"],
  teamId: string | null,
  ruleId: string,
  input: TRuleInput,
): Promise<TRuleView> {
  if (!isUuid(ruleId)) throw notFound("Rule not found.");
  const rule = parseInput(ZRuleInput, input);
  await db.$transaction(async (tx) => {
    const before = await tx.alertRule.findFirst({ where: { id: ruleId, orgId, teamId } });
    if (!before) throw notFound("Rule not found.");
    await assertRuleValid(tx, orgId, teamId, rule);
    // Moving to another kind puts it at the end of that kind's list.
    const position =
      before.kind === rule.kind
        ? before.position
        : ((await tx.alertRule.aggregate({ where: { orgId, teamId, kind: rule.kind }, _max: { position: true } }))._max
            .position ?? 0) + 1;
    await tx.alertRule.update({ where: { id: ruleId }, data: { ...ruleData(rule), position } });
    await recordAudit(tx, {
      orgId,
      actor,
      action: teamId ? "alert_rule.updated" : "alert_baseline.updated",
      target: { type: "alert_rule", id: ruleId, label: rule.name },
      before: {
        kind: before.kind,
        name: before.name,
        match: before.match as object,
        useTeamDestination: before.useTeamDestination,
        destinationId: before.destinationId,
        pdSeverity: before.pdSeverity,
        grouping: before.grouping,
        continueMatching: before.continueMatching,
        noPage: before.noPage,
      },
      after: ruleData(rule),
    });
    await evaluateOrgAlerts(tx, orgId);
  });
  return getRule(orgId, teamId, ruleId);
}

import "server-only";
import { AppError } from "@/lib/server/errors";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { changeTeamOwnership } from "./lock";
import { reassignResourceOwners } from "./reassign-owners";
import { ZScopeRules, type TScopeRuleInput } from "@/lib/domain/scope-rules";

/** Replaces a team's ordered scope rules and moves every affected resource to its new owner. */
export async function setTeamScope(
  orgId: string,
  actor: TAuditEntry["actor"],
  teamId: string,
  rules: readonly TScopeRuleInput[],
) {
  const parsed = ZScopeRules.safeParse(rules);
  if (!parsed.success) throw new AppError("bad_request", "These scope rules are not valid.", parsed.error.issues);
  return changeTeamOwnership(orgId, teamId, async (tx, team) => {
    await tx.team.update({ where: { id: team.id }, data: { scopeRules: parsed.data } });
    const { changed } = await reassignResourceOwners(tx, orgId);
    await recordAudit(tx, {
      orgId,
      actor,
      action: "team.scope_changed",
      target: { type: "team", id: team.id, label: team.name },
      before: { rules: team.scopeRules ?? [] },
      after: { rules: parsed.data, resourcesReassigned: changed },
    });
    return { rules: parsed.data, reassigned: changed };
  });
}

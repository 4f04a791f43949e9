import "server-only";
import type { Tx } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { ZRuleMatch, type TRule } from "../schemas";
import { baselineConflict } from "./baseline-guard";

// Checks shared by create and update: the destination is the org's, the team is the org's, and a
// team rule does not undercut the baseline.

export async function assertRuleOwner(tx: Tx, orgId: string, teamId: string | null): Promise<void> {
  if (!teamId) return;
  const team = await tx.team.findFirst({ where: { id: teamId, orgId }, select: { id: true } });
  if (!team) throw new AppError("not_found", "Team not found.");
}

export async function assertRuleValid(tx: Tx, orgId: string, teamId: string | null, rule: TRule): Promise<void> {
  if (rule.destinationId) {
    const destination = await tx.alertDestination.findFirst({
      where: { id: rule.destinationId, orgId },
      select: { id: true },
    });
    if (!destination) {
      throw new AppError("bad_request", "Choose a destination of this organization.", { field: "destinationId" });
    }
  }
  if (teamId === null) return;
  const baseline = await tx.alertRule.findMany({
    where: { orgId, teamId: null },
    select: { name: true, kind: true, match: true, pdSeverity: true, noPage: true },
  });
  const reason = baselineConflict(
    rule,
    baseline.map((b) => ({ ...b, match: ZRuleMatch.parse(b.match ?? {}) })),
  );
  if (reason) throw new AppError("bad_request", reason, { field: rule.noPage ? "noPage" : "pdSeverity" });
}

/** The columns of a parsed rule. */
export function ruleData(rule: TRule) {
  return {
    kind: rule.kind,
    name: rule.name,
    match: rule.match,
    useTeamDestination: rule.useTeamDestination,
    destinationId: rule.destinationId,
    pdSeverity: rule.pdSeverity,
    grouping: rule.grouping,
    continueMatching: rule.continueMatching,
    noPage: rule.noPage,
  };
}

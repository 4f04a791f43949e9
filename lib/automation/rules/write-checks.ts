import "server-only";
import { ZRuleMatch } from "@/lib/alerting/schemas";
import { usableBy } from "@/lib/notifications/connections/queries";
import { isMessageKind } from "@/lib/notifications/schemas";
import type { Tx } from "@/lib/server/db";
import { AppError, notFound } from "@/lib/server/errors";
import {
  CONDITION_LABELS,
  ACTION_LABELS,
  MAX_RULES_PER_LIST,
  ORG_ONLY_ACTIONS,
  ORG_ONLY_CONDITIONS,
  type TAutomationRuleDraft,
} from "../schemas";
import { severityBaselineConflict } from "./baseline-guard";

// What create, update and import check before a rule is stored, inside their transaction: the
// list's owner exists, a team rule stays within its team, every id it names is the org's (and one
// the owner may use), and a team rule does not lower what the org baseline pages for. Each refusal
// is a 400 naming the field, so forms put it under the right control.

const bad = (message: string, field: string) => new AppError("bad_request", message, { field });

/** Serializes changes to one org's rule lists, so positions stay dense under concurrent edits. */
export async function lockRuleLists(tx: Tx, orgId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`automation-rules:${orgId}`}, 0))`;
}

/** A team list's team must be the org's; another org's team is not_found (no existence leak). */
export async function assertListOwner(tx: Tx, orgId: string, teamId: string | null): Promise<void> {
  if (!teamId) return;
  const team = await tx.team.findFirst({ where: { id: teamId, orgId }, select: { id: true } });
  if (!team) throw notFound("Team not found.");
}

export async function assertRoomInList(tx: Tx, orgId: string, teamId: string | null): Promise<void> {
  const count = await tx.automationRule.count({ where: { orgId, teamId } });
  if (count >= MAX_RULES_PER_LIST) {
    throw bad(`A list holds at most ${MAX_RULES_PER_LIST} rules; delete or merge some first.`, "name");
  }
}

/** Fields a team rule may not use, named by their labels. */
function assertTeamScope(teamId: string | null, rule: TAutomationRuleDraft): void {
  if (!teamId) return;
  for (const [i, c] of rule.conditions.entries()) {
    if (ORG_ONLY_CONDITIONS.includes(c.field)) {
      throw bad(
        `A team rule only sees its own team's findings: the “${CONDITION_LABELS[c.field]}” condition is for org rules.`,
        `conditions.${i}.field`,
      );
    }
  }
  for (const key of ORG_ONLY_ACTIONS) {
    if (rule.actions[key] !== undefined) {
      throw bad(`“${ACTION_LABELS[key]}” reaches beyond the team: only org rules have it.`, `actions.${key}`);
    }
  }
}

/** Teams the rule's findings can belong to, when it says (its team, or a team action / condition). */
function teamsOfRule(teamId: string | null, rule: TAutomationRuleDraft): string[] {
  if (teamId) return [teamId];
  const teams = new Set<string>();
  if (rule.actions.team) teams.add(rule.actions.team.teamId);
  for (const c of rule.conditions) if (c.field === "team" && !c.negate) c.values.forEach((v) => teams.add(v));
  return [...teams];
}

async function assertReferences(tx: Tx, orgId: string, teamId: string | null, rule: TAutomationRuleDraft) {
  const { actions } = rule;
  if (actions.team && !(await tx.team.count({ where: { orgId, id: actions.team.teamId } }))) {
    throw bad("Choose a team of this organization.", "actions.team.teamId");
  }
  for (const [i, c] of rule.conditions.entries()) {
    if (c.field !== "team") continue;
    if ((await tx.team.count({ where: { orgId, id: { in: c.values } } })) !== c.values.length) {
      throw bad("Choose teams of this organization.", `conditions.${i}.values`);
    }
  }
  if (actions.assign) {
    const membership = await tx.membership.findFirst({
      where: { orgId, userId: actions.assign.userId },
      select: { role: true },
    });
    if (!membership) throw bad("Choose a member of this organization.", "actions.assign.userId");
    // A person who could not open the finding would be assigned work they cannot see.
    if (membership.role === "member") {
      const teams = teamsOfRule(teamId, rule);
      const onTeams = await tx.teamMembership.count({
        where: { orgId, userId: actions.assign.userId, teamId: { in: teams } },
      });
      if (!teams.length || onTeams < teams.length) {
        throw bad(
          teams.length
            ? "This person cannot see these findings: choose a member of the team, or an org admin."
            : "An org rule can match any team's findings: choose an org admin, or limit the rule to a team.",
          "actions.assign.userId",
        );
      }
    }
  }
  if (actions.notify) {
    const connection = await tx.notificationConnection.findFirst({
      where: { id: actions.notify.connectionId, orgId, ...usableBy(teamId) },
      select: { kind: true },
    });
    if (!connection || !isMessageKind(connection.kind)) {
      throw bad(
        teamId
          ? "Choose a message connection of the organization or of this team."
          : "Choose a message connection of the organization.",
        "actions.notify.connectionId",
      );
    }
  }
  if (actions.page) {
    const destination = await tx.alertDestination.findFirst({
      where: {
        id: actions.page.destinationId,
        orgId,
        OR: teamId ? [{ teamId: null }, { teamId }] : [{ teamId: null }],
      },
      select: { id: true },
    });
    if (!destination) {
      throw bad(
        teamId
          ? "Choose a PagerDuty destination of the organization or of this team."
          : "Choose an organization-wide PagerDuty destination.",
        "actions.page.destinationId",
      );
    }
  }
}

async function assertBaseline(tx: Tx, orgId: string, teamId: string | null, rule: TAutomationRuleDraft) {
  if (!teamId || !rule.actions.severity) return;
  const pagers = await tx.alertRule.findMany({
    where: { orgId, teamId: null, kind: "findings", noPage: false },
    orderBy: { position: "asc" },
    select: { name: true, match: true },
  });
  const baseline = pagers.map((p) => ({ name: p.name, ...ZRuleMatch.parse(p.match ?? {}) }));
  const conflict = severityBaselineConflict(rule, baseline);
  if (conflict) throw bad(conflict, "actions.severity.to");
}

/** Every check of a rule about to be stored in the list of `teamId` (null: the org's). */
export async function assertRuleAllowed(
  tx: Tx,
  orgId: string,
  teamId: string | null,
  rule: TAutomationRuleDraft,
): Promise<void> {
  assertTeamScope(teamId, rule);
  await assertReferences(tx, orgId, teamId, rule);
  await assertBaseline(tx, orgId, teamId, rule);
}

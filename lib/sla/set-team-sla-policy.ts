import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Tx } from "@/lib/server/db";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { canManageTeamSla, canSeeTeam, type TSlaContext } from "./context";
import { isEmptySlaPolicy, teamPolicyProblems } from "./policy-rules";
import { POLICY_COLUMNS, policyOfRow, rowOfPolicy } from "./policy-rows";
import { DEFAULT_SLA_POLICY, ZSlaPolicy, type TSlaPolicy } from "./schemas";

/** The team, in the caller's org and visible to them (not_found otherwise), and the right to change it. */
async function teamFor(tx: Tx, ctx: TSlaContext, teamId: string) {
  const team = await tx.team.findFirst({ where: { id: teamId, orgId: ctx.orgId }, select: { id: true, name: true } });
  if (!team || !canSeeTeam(ctx, team.id)) throw new AppError("not_found", "Team not found.");
  if (!canManageTeamSla(ctx, team.id)) throw new AppError("forbidden", "Only the team's admins change its SLAs.");
  return team;
}

async function orgPolicyOf(tx: Tx, orgId: string): Promise<TSlaPolicy> {
  const row = await tx.slaPolicy.findFirst({ where: { orgId, teamId: null }, select: POLICY_COLUMNS });
  return row ? policyOfRow(row) : { ...DEFAULT_SLA_POLICY };
}

/**
 * Saves a team's own due days (null: as the org's). A team may only be stricter than the org: a
 * value above the org's is refused, naming each field. A policy with no value of its own is cleared.
 */
export async function setTeamSlaPolicy(ctx: TSlaContext, teamId: string, input: unknown): Promise<TSlaPolicy | null> {
  const policy = ZSlaPolicy.parse(input);
  if (isEmptySlaPolicy(policy)) return clearTeamSlaPolicy(ctx, teamId).then(() => null);
  return db.$transaction(async (tx) => {
    const team = await teamFor(tx, ctx, teamId);
    const problems = teamPolicyProblems(await orgPolicyOf(tx, ctx.orgId), policy);
    const fields = Object.keys(problems);
    if (fields.length)
      throw new AppError("bad_request", "A team's SLA may only be stricter than the organization's.", {
        fieldErrors: Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, [v]])),
      });
    const before = await tx.slaPolicy.findFirst({
      where: { orgId: ctx.orgId, teamId: team.id },
      select: { id: true, ...POLICY_COLUMNS },
    });
    if (before)
      await tx.slaPolicy.update({ where: { id: before.id }, data: { ...rowOfPolicy(policy), updatedAt: new Date() } });
    else await tx.slaPolicy.create({ data: { orgId: ctx.orgId, teamId: team.id, ...rowOfPolicy(policy) } });
    await recordAudit(tx, {
      orgId: ctx.orgId,
      actor: ctx.actor,
      action: "sla.team_policy_changed",
      target: { type: "team", id: team.id, label: team.name },
      before: before ? policyOfRow(before) : null,
      after: policy,
    });
    return policy;
  });
}

/** Removes a team's own policy: its findings follow the org's again. Returns whether there was one. */
export async function clearTeamSlaPolicy(ctx: TSlaContext, teamId: string): Promise<{ cleared: boolean }> {
  return db.$transaction(async (tx) => {
    const team = await teamFor(tx, ctx, teamId);
    const before = await tx.slaPolicy.findFirst({
      where: { orgId: ctx.orgId, teamId: team.id },
      select: { id: true, ...POLICY_COLUMNS },
    });
    if (!before) return { cleared: false };
    await tx.slaPolicy.delete({ where: { id: before.id } });
    await recordAudit(tx, {
      orgId: ctx.orgId,
      actor: ctx.actor,
      action: "sla.team_policy_cleared",
      target: { type: "team", id: team.id, label: team.name },
      before: policyOfRow(before),
      after: null,
    });
    return { cleared: true };
  });
}

import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { TSlaContext } from "./context";
import { POLICY_COLUMNS, policyOfRow, rowOfPolicy } from "./policy-rows";
import { DEFAULT_SLA_POLICY, ZSlaPolicy, type TSlaPolicy } from "./schemas";

/**
 * Saves the org's due days per severity (null: no SLA for that severity). Org admins only. Teams'
 * own values stay as they are: where the org is now stricter, the org's days apply to them too.
 */
export async function setOrgSlaPolicy(ctx: TSlaContext, input: unknown): Promise<TSlaPolicy> {
  if (!ctx.orgAdmin) throw new AppError("forbidden", "Only org admins change the organization's SLAs.");
  const policy = ZSlaPolicy.parse(input);
  return db.$transaction(async (tx) => {
    const before = await tx.slaPolicy.findFirst({
      where: { orgId: ctx.orgId, teamId: null },
      select: { id: true, ...POLICY_COLUMNS },
    });
    if (before)
      await tx.slaPolicy.update({ where: { id: before.id }, data: { ...rowOfPolicy(policy), updatedAt: new Date() } });
    else await tx.slaPolicy.create({ data: { orgId: ctx.orgId, teamId: null, ...rowOfPolicy(policy) } });
    await recordAudit(tx, {
      orgId: ctx.orgId,
      actor: ctx.actor,
      action: "sla.org_policy_changed",
      target: { type: "organization", id: ctx.orgId, label: "SLA policy" },
      // The defaults applied before the first save: the audit row says what changed for findings.
      before: { ...(before ? policyOfRow(before) : DEFAULT_SLA_POLICY), default: !before },
      after: policy,
    });
    return policy;
  });
}

import "server-only";
import type { TAuditEntry } from "@/lib/audit/record-audit";
import { parseInput } from "@/lib/alerting/parse-input";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { setOrgNumberSetting } from "@/lib/orgs/set-org-setting";
import { ZCostAnomalyFactor } from "./schemas";

// The org setting behind `cost.anomaly` notifications (see cost-anomaly.ts). An org admin's
// setting: wire it with orgAction({ permission: "org:settings:manage", input: ZCostAnomalySetting }).

export async function getCostAnomalyFactor(orgId: string): Promise<number> {
  const org = await db.organization.findUnique({ where: { id: orgId }, select: { costAnomalyFactor: true } });
  if (!org) throw notFound("Organization not found.");
  return org.costAnomalyFactor;
}

/** Changes the factor (a 400 on `costAnomalyFactor` outside 1.1–10); audited when it changes. */
export async function setCostAnomalyFactor(orgId: string, actor: TAuditEntry["actor"], input: unknown) {
  const factor = parseInput(ZCostAnomalyFactor, input, "costAnomalyFactor");
  const { changed } = await setOrgNumberSetting(orgId, actor, "costAnomalyFactor", factor);
  return { costAnomalyFactor: factor, changed };
}

import "server-only";
import { createDestination } from "@/lib/alerting/destinations/create-destination";
import { createRule } from "@/lib/alerting/rules/create-rule";
import type { TActor } from "@/lib/auth/access";

// Acme's PagerDuty routing, so the Alerting pages have something to show: two services (the keys
// are made up; `npm start` sends to its local fake PagerDuty), an org baseline and Payments' rules.
// Set up before the report history, so the demo's findings open, update and resolve alerts.

export const DEMO_PLATFORM_KEY = "acmeplatformdemo0000000000000001";
export const DEMO_PAYMENTS_KEY = "acmepaymentsdemo0000000000000002";

export async function seedAlerting(orgId: string, actor: TActor, teamIds: ReadonlyMap<string, string>): Promise<void> {
  const platform = await createDestination(orgId, actor, {
    name: "Platform on-call",
    routingKey: DEMO_PLATFORM_KEY,
    teamId: teamIds.get("platform") ?? null,
  });
  await createDestination(orgId, actor, {
    name: "Payments on-call",
    routingKey: DEMO_PAYMENTS_KEY,
    teamId: teamIds.get("payments") ?? null,
  });
  await createRule(orgId, actor, null, {
    name: "High and critical security findings page the owning team",
    match: { minSeverity: "high", categories: ["security"] },
    useTeamDestination: true,
    destinationId: platform.id,
    pdSeverity: "critical",
    grouping: "check_cluster",
  });
  await createRule(orgId, actor, null, {
    kind: "stale_cluster",
    name: "A cluster that stops reporting pages Platform",
    destinationId: platform.id,
    pdSeverity: "error",
  });
  await createRule(orgId, actor, null, {
    kind: "budget",
    name: "Budget alerts go to the owning team, low urgency",
    useTeamDestination: true,
    destinationId: platform.id,
    pdSeverity: "warning",
  });
  const payments = teamIds.get("payments");
  if (!payments) return;
  await createRule(orgId, actor, payments, {
    name: "Reliability in production, per namespace",
    match: { minSeverity: "medium", categories: ["reliability"], clusters: ["prod-*"] },
    useTeamDestination: true,
    pdSeverity: "error",
    grouping: "check_namespace",
  });
  await createRule(orgId, actor, payments, {
    name: "Efficiency: feed only, no page",
    match: { minSeverity: "low", categories: ["efficiency"] },
    noPage: true,
  });
}

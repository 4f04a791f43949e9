import "server-only";
import type { TAuditEntry } from "@/lib/audit/record-audit";
import { createRule } from "@/lib/automation/rules/create-rule";
import type { TSlaContext } from "@/lib/sla/context";
import { setOrgSlaPolicy } from "@/lib/sla/set-org-sla-policy";
import { setTeamSlaPolicy } from "@/lib/sla/set-team-sla-policy";

// Acme's automation, made before the report history so every report runs the rules as it arrives:
// the org's own rules (tags and due dates, which change no counts the other demo pages tell about),
// a team rule, one switched off, and SLA policies (the org's defaults, Payments stricter).

type TActor = TAuditEntry["actor"];

export async function seedAutomation(orgId: string, actor: TActor, teamIds: ReadonlyMap<string, string>) {
  const platform = teamIds.get("platform");
  const payments = teamIds.get("payments");
  if (!platform || !payments) throw new Error("The demo teams platform and payments are missing.");
  await createRule(orgId, actor, null, {
    name: "Fixable critical vulnerabilities are due in 3 days",
    conditions: [
      { field: "source", values: ["trivy"] },
      { field: "severity", op: "at_least", value: "critical" },
      { field: "fix_available", value: true },
    ],
    actions: { due: { days: 3 }, addTags: ["fix-now"] },
    note: "Stricter than the SLA: a fix exists, so an upgrade is all it takes.",
  });
  await createRule(orgId, actor, null, {
    name: "Payments namespaces are PCI scope",
    conditions: [{ field: "namespace", values: ["payments*", "checkout*"] }],
    actions: { addTags: ["pci"] },
  });
  await createRule(orgId, actor, null, {
    name: "Rightsizing advice on staging can wait",
    enabled: false,
    conditions: [
      { field: "source", values: ["goldilocks"] },
      { field: "cluster", values: ["staging-*"] },
    ],
    actions: { snooze: { days: 30 } },
    note: "Switched off until the staging budget review.",
  });
  await createRule(orgId, actor, platform, {
    name: "Security findings of the add-ons are tagged for the hardening sprint",
    conditions: [{ field: "category", values: ["security"] }],
    actions: { addTags: ["hardening"] },
  });
  const ctx: TSlaContext = { orgId, actor, orgAdmin: true, teamAdminOf: new Set<string>(), visibleTeamIds: null };
  await setOrgSlaPolicy(ctx, { critical: 7, high: 30, medium: 90, low: null });
  await setTeamSlaPolicy(ctx, payments, { critical: 3, high: 14, medium: 60, low: null });
}

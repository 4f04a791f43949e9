import { describe, expect, it } from "vitest";
import { automationRuleHref } from "./rule-links";
import { describeEvent, type TEventInput } from "./ui-format";

const ORG_RULE = {
  id: "0b5c0f3e-1111-4aaa-8bbb-000000000001",
  name: "Sandbox namespaces are low priority",
  level: "org",
};
const TEAM_RULE = { id: "0b5c0f3e-2222-4aaa-8bbb-000000000002", name: "Payments on-call", level: "team" };

/** An event as the engine writes it: no actor, the rule's label and the rule itself in its data. */
const byRule = (
  kind: string,
  data: Record<string, unknown> = {},
  rule: typeof ORG_RULE = ORG_RULE,
  ruleTarget: TEventInput["ruleTarget"] = { teamSlug: rule.level === "team" ? "payments" : null },
): TEventInput => ({
  kind,
  actor: null,
  reportId: null,
  data: { actorLabel: `rule "${rule.name}"`, rule, ...data },
  ruleTarget,
});

const text = (event: TEventInput) => describeEvent(event, "polaris", { orgSlug: "acme" }).text;

describe("history lines of rules and SLAs", () => {
  it("explains a severity change with the rule, its level and its reason", () => {
    const view = describeEvent(
      byRule("severity_changed", { from: "high", to: "low", reason: "Sandboxes hold no customer data." }),
      "polaris",
      { orgSlug: "acme" },
    );
    expect(view.text).toBe(
      'Severity lowered from High to Low by rule "Sandbox namespaces are low priority" (org): Sandboxes hold no customer data.',
    );
    expect(view.rule).toEqual({
      label: 'rule "Sandbox namespaces are low priority"',
      href: `/o/acme/settings/automation/${ORG_RULE.id}`,
    });
    expect(view.text).toContain(view.rule!.label);
    expect(text(byRule("severity_changed", { from: "low", to: "critical", reason: "PCI" }, TEAM_RULE))).toBe(
      'Severity raised from Low to Critical by rule "Payments on-call" (team): PCI',
    );
  });

  it("says who a rule assigned it to, which team it gave it to, and until when it snoozed it", () => {
    expect(text(byRule("assigned", { assigneeId: "u1", assigneeName: "Dana", previousAssigneeId: null }))).toBe(
      'Assigned to Dana by rule "Sandbox namespaces are low priority"',
    );
    expect(text(byRule("unassigned", { previousAssigneeId: "u1" }))).toBe(
      'Unassigned by rule "Sandbox namespaces are low priority"',
    );
    expect(
      text(byRule("moved", { fromTeamId: "t1", fromTeamName: "Payments", toTeamId: "t2", toTeamName: "Platform" })),
    ).toBe('Given to Platform by rule "Sandbox namespaces are low priority"');
    expect(text(byRule("snoozed", { until: "2026-12-12T00:00:00.000Z" }))).toBe(
      'Snoozed until 12 Dec by rule "Sandbox namespaces are low priority"',
    );
  });

  it("says how and until when a rule resolved it, and when that resolution ran out", () => {
    expect(
      text(
        byRule("resolved", {
          resolution: "will_not_fix",
          reason: "Accepted risk until the migration.",
          expiresAt: "2027-01-05T00:00:00.000Z",
        }),
      ),
    ).toBe(
      'Resolved as will not fix by rule "Sandbox namespaces are low priority" until 5 Jan: Accepted risk until the migration.',
    );
    expect(text(byRule("resolved", { resolution: "working_as_intended", reason: "By design." }))).toBe(
      'Resolved as working as intended by rule "Sandbox namespaces are low priority": By design.',
    );
    expect(text(byRule("unresolved", { previousResolution: "will_not_fix", expired: true }))).toBe(
      "Resolution expired; open for triage again",
    );
    expect(text({ kind: "unresolved", actor: null, reportId: null, data: { expired: true } })).toBe(
      "Resolution expired; open for triage again",
    );
  });

  it("lists tags added and removed, and a rule's due days", () => {
    expect(text(byRule("tagged", { tags: ["pci", "platform"] }))).toBe(
      'Tagged pci, platform by rule "Sandbox namespaces are low priority"',
    );
    expect(text(byRule("untagged", { tags: ["pci"] }))).toBe(
      'Untagged pci by rule "Sandbox namespaces are low priority"',
    );
    expect(text(byRule("due_changed", { days: 14, previousDays: null }))).toBe(
      'Due in 14 days by rule "Sandbox namespaces are low priority"',
    );
    expect(text(byRule("due_changed", { days: 1, previousDays: null }))).toBe(
      'Due in 1 day by rule "Sandbox namespaces are low priority"',
    );
  });

  it("says when the SLA was breached, from Bumpers rather than a rule", () => {
    const view = describeEvent(
      {
        kind: "sla_breached",
        actor: null,
        reportId: null,
        data: { actorLabel: "Bumpers", due: "2026-12-03T09:00:00Z", days: 7 },
      },
      "trivy",
    );
    expect(view).toMatchObject({ text: "Past its due date (due 3 Dec, 7-day SLA)", tone: "red" });
    expect(view.rule ?? null).toBeNull();
  });

  it("marks a change the rule undid when it stopped applying", () => {
    const undone = " (undone: the rule no longer applies)";
    expect(text(byRule("severity_changed", { from: "low", to: "high", reverted: true }))).toBe(
      `Severity raised from Low to High by rule "Sandbox namespaces are low priority" (org)${undone}`,
    );
    expect(text(byRule("unsnoozed", { until: "2026-12-12T00:00:00Z", reverted: true }))).toBe(
      `Snooze ended by rule "Sandbox namespaces are low priority"${undone}`,
    );
    expect(text(byRule("unresolved", { previousResolution: "will_not_fix", reverted: true }))).toBe(
      `Open for triage again by rule "Sandbox namespaces are low priority"${undone}`,
    );
    expect(text(byRule("untagged", { tags: ["pci"], reverted: true }))).toBe(
      `Untagged pci by rule "Sandbox namespaces are low priority"${undone}`,
    );
    expect(text(byRule("due_changed", { days: null, previousDays: 14, reverted: true }))).toBe(
      `Due date back to the SLA policy by rule "Sandbox namespaces are low priority"${undone}`,
    );
  });

  it("links team rules under their team, and leaves a deleted rule's name unlinked", () => {
    const team = describeEvent(byRule("tagged", { tags: ["pci"] }, TEAM_RULE), "polaris", { orgSlug: "acme" });
    expect(team.rule?.href).toBe(`/o/acme/teams/payments/automation/${TEAM_RULE.id}`);
    const gone = describeEvent(byRule("tagged", { tags: ["pci"] }, ORG_RULE, null), "polaris", { orgSlug: "acme" });
    expect(gone.rule).toEqual({ label: 'rule "Sandbox namespaces are low priority"', href: null });
    expect(automationRuleHref("a b", { id: "x", teamSlug: null })).toBe("/o/a%20b/settings/automation/x");
  });

  it("words the new kinds when a person made the change, and leaves people's triage lines as they were", () => {
    const dana = { name: "Dana" };
    expect(text({ kind: "tagged", actor: dana, reportId: null, data: { tags: ["pci"] } })).toBe("Tagged pci by Dana");
    expect(text({ kind: "severity_changed", actor: dana, reportId: null, data: { from: "high", to: "medium" } })).toBe(
      "Severity lowered from High to Medium by Dana",
    );
    expect(text({ kind: "assigned", actor: dana, reportId: null, data: { assigneeName: "Lee" } })).toBe(
      "Dana assigned it to Lee",
    );
  });
});

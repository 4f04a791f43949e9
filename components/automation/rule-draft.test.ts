import { describe, expect, it } from "vitest";
import { ZAutomationRuleInput } from "@/lib/automation/schemas";
import { draftOf, errorsUnder, inputOf, newCondition, splitValues, toggleAction } from "./rule-draft";

describe("the rule editor's draft", () => {
  it("round-trips a stored rule through the editor into the same valid input", () => {
    const stored = ZAutomationRuleInput.parse({
      name: "kube-system on staging is low",
      conditions: [
        { field: "namespace", values: ["kube-system"] },
        { field: "severity", op: "at_most", value: "medium", negate: true },
      ],
      actions: { severity: { to: "low", reason: "Noise" }, addTags: ["platform"] },
      expiresAt: "2030-05-31T23:59:59.999Z",
    });
    const again = ZAutomationRuleInput.parse(inputOf(draftOf(stored)));
    expect(again).toEqual(stored);
    expect(draftOf(stored).expiresOn).toBe("2030-05-31");
  });

  it("starts conditions and actions with sensible defaults the schema accepts once filled in", () => {
    const draft = draftOf();
    draft.name = "New rule";
    draft.conditions = [newCondition("severity"), newCondition("fix_available"), newCondition("lifecycle")];
    draft.actions = toggleAction(toggleAction({}, "snooze", true), "due", true);
    expect(ZAutomationRuleInput.safeParse(inputOf(draft)).success).toBe(true);
    expect(toggleAction(draft.actions, "snooze", false)).toEqual({ due: { days: 30 } });
    // A list condition needs values first.
    draft.conditions.push(newCondition("cluster"));
    expect(ZAutomationRuleInput.safeParse(inputOf(draft)).success).toBe(false);
  });

  it("reads comma lists as chips and gathers errors under a field", () => {
    expect(splitValues(" a, b ,,a\nc ")).toEqual(["a", "b", "c"]);
    const errors = {
      "actions.severity.reason": ["Say why."],
      "actions.severity.to": ["Pick one."],
      name: ["Too short."],
    };
    expect(errorsUnder(errors, "actions.severity")).toEqual(["Say why.", "Pick one."]);
    expect(errorsUnder(errors, "actions.assign")).toBeUndefined();
  });
});

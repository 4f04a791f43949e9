import { describe, expect, it } from "vitest";
import { ZActions, ZConditions } from "../schemas";
import { describeCondition, describeRule } from "./describe-rule";

const rule = (conditions: unknown, actions: unknown, stopProcessing = false) => ({
  conditions: ZConditions.parse(conditions),
  actions: ZActions.parse(actions),
  stopProcessing,
});

const TEAM = "3f2d4c1a-0000-4000-8000-000000000001";
const USER = "3f2d4c1a-0000-4000-8000-000000000002";
const CONN = "3f2d4c1a-0000-4000-8000-000000000003";
const DEST = "3f2d4c1a-0000-4000-8000-000000000004";

describe("describeRule", () => {
  it("reads the brief's example as one line", () => {
    const text = describeRule(
      rule(
        [
          { field: "severity", op: "at_least", value: "high" },
          { field: "namespace", values: ["kube-system"] },
          { field: "cluster", values: ["staging-*"] },
        ],
        { severity: { to: "low", reason: "Sandbox" }, addTags: ["platform"] },
      ),
    );
    expect(text).toBe(
      "When severity ≥ high and namespace is kube-system on clusters staging-* → set severity low, add tag platform",
    );
  });

  it("says 'for every open finding' without conditions, and names stop processing", () => {
    expect(describeRule(rule([], { snooze: { days: 7 } }, true))).toBe(
      "For every open finding → snooze for 7 days; then stop",
    );
  });

  it("negates every kind of condition", () => {
    const c = (input: unknown) => describeCondition(ZConditions.parse([input])[0]);
    expect(c({ field: "namespace", values: ["a", "b"], negate: true })).toBe("namespace is none of a, b");
    expect(c({ field: "namespace", values: ["a"], negate: true })).toBe("namespace is not a");
    expect(c({ field: "cluster", values: ["prod"], negate: true })).toBe("not on cluster prod");
    expect(c({ field: "severity", op: "at_least", value: "high", negate: true })).toBe("severity < high");
    expect(c({ field: "severity", op: "at_most", value: "low" })).toBe("severity ≤ low");
    expect(c({ field: "age_days", op: "at_least", value: 30 })).toBe("age ≥ 30 days");
    expect(c({ field: "age_days", op: "at_most", value: 1, negate: true })).toBe("age > 1 day");
    expect(c({ field: "fix_available", value: true })).toBe("a fix is available");
    expect(c({ field: "fix_available", value: true, negate: true })).toBe("no fix is available");
    expect(c({ field: "fix_available", value: false })).toBe("no fix is available");
    expect(c({ field: "title", values: ["root", "privileged"] })).toBe("title contains “root” or “privileged”");
    expect(c({ field: "resource_label", values: ["app=web"], negate: true })).toBe("no resource label app=web");
    expect(c({ field: "lifecycle", values: ["new", "reopened"] })).toBe("finding is new or reopened");
    expect(c({ field: "cve", values: ["CVE-2024-1", "CVE-2024-2", "CVE-2024-3"] })).toBe(
      "CVE is one of CVE-2024-1, CVE-2024-2, CVE-2024-3",
    );
  });

  it("names teams, people, connections and destinations, and shortens unknown ids", () => {
    const names = {
      teams: new Map([[TEAM, "Payments"]]),
      users: new Map([[USER, "Ada"]]),
      connections: new Map([[CONN, "Eng Slack"]]),
      destinations: new Map([[DEST, "Platform on call"]]),
    };
    const r = rule([{ field: "team", values: [TEAM] }], {
      assign: { userId: USER },
      team: { teamId: TEAM },
      notify: { connectionId: CONN, target: "#alerts" },
      page: { destinationId: DEST, severity: "critical" },
      resolve: { resolution: "working_as_intended", reason: "ok", expiresInDays: 30 },
      due: { days: 14 },
      ticket: {},
    });
    expect(describeRule(r, names)).toBe(
      "When team is Payments → assign to Ada, give to team Payments, resolve as working as intended for 30 days, " +
        "due in 14 days, create a ticket (one per check and cluster), notify Eng Slack #alerts, " +
        "page Platform on call (critical)",
    );
    expect(describeRule(r)).toContain("assign to #3f2d4c1a");
  });
});

import { describe, expect, it } from "vitest";
import { ZActions, ZConditions } from "../schemas";
import { severityBaselineConflict, type TBaselinePager } from "./baseline-guard";

const baseline: TBaselinePager[] = [
  {
    name: "Critical security pages",
    minSeverity: "critical",
    categories: ["security"],
    sources: [],
    checks: [],
    clusters: ["prod-*"],
    namespaces: [],
  },
];
const rule = (conditions: unknown, to: string) => ({
  conditions: ZConditions.parse(conditions),
  actions: ZActions.parse({ severity: { to, reason: "why" } }),
});

describe("severityBaselineConflict", () => {
  it("names the baseline rule a lowering team rule overlaps", () => {
    expect(severityBaselineConflict(rule([], "low"), baseline)).toMatch(/“Critical security pages”.*lower them to low/);
    expect(severityBaselineConflict(rule([{ field: "cluster", values: ["prod-eu"] }], "high"), baseline)).toMatch(
      /Critical security pages/,
    );
  });

  it("lets a rule pass that cannot match what pages, or does not lower below it", () => {
    expect(severityBaselineConflict(rule([], "critical"), baseline)).toBeNull();
    expect(
      severityBaselineConflict(rule([{ field: "severity", op: "at_most", value: "high" }], "low"), baseline),
    ).toBeNull();
    expect(
      severityBaselineConflict(
        rule([{ field: "severity", op: "at_least", value: "critical", negate: true }], "low"),
        baseline,
      ),
    ).toBeNull();
    expect(severityBaselineConflict(rule([{ field: "category", values: ["efficiency"] }], "low"), baseline)).toBeNull();
    expect(severityBaselineConflict(rule([{ field: "cluster", values: ["staging-*"] }], "low"), baseline)).toBeNull();
    expect(severityBaselineConflict({ conditions: [], actions: {} }, baseline)).toBeNull();
  });

  it("errs towards the baseline for negated lists and fields it cannot compare", () => {
    expect(
      severityBaselineConflict(rule([{ field: "category", values: ["efficiency"], negate: true }], "low"), baseline),
    ).not.toBeNull();
    expect(
      severityBaselineConflict(rule([{ field: "category", values: ["security"], negate: true }], "low"), baseline),
    ).toBeNull();
    expect(severityBaselineConflict(rule([{ field: "title", values: ["root"] }], "low"), baseline)).not.toBeNull();
  });
});

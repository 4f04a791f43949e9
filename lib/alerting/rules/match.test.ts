import { describe, expect, it } from "vitest";
import { boundedSample, dedupKeyOf, groupKeyOf, triggerBody } from "../engine/payload";
import { ZRuleMatch } from "../schemas";
import { baselineConflict } from "./baseline-guard";
import { globMatch } from "../../domain/glob";
import { matchesOverlap, matchingRules, patternsCanOverlap, ruleMatches } from "./match";

const m = (input: Parameters<typeof ZRuleMatch.parse>[0]) => ZRuleMatch.parse(input);
const item = {
  severity: "high" as const,
  category: "security",
  source: "polaris",
  checkId: "runAsRoot",
  cluster: "prod-eu",
  namespace: "shop-api",
};

describe("rule matching", () => {
  it("wildcards", () => {
    expect(globMatch("prod-*", "prod-eu")).toBe(true);
    expect(globMatch("prod-*", "staging-eu")).toBe(false);
    expect(globMatch("*-eu", "prod-eu")).toBe(true);
    expect(globMatch("prod.eu", "prodxeu")).toBe(false);
    expect(globMatch("*", "")).toBe(true);
  });

  it("every condition must hold; empty lists match everything", () => {
    expect(ruleMatches(m({}), item)).toBe(true);
    expect(ruleMatches(m({ minSeverity: "critical" }), item)).toBe(false);
    expect(ruleMatches(m({ minSeverity: "high", categories: ["security"], clusters: ["prod-*"] }), item)).toBe(true);
    expect(ruleMatches(m({ namespaces: ["payments-*"] }), item)).toBe(false);
    expect(ruleMatches(m({ checks: ["polaris/runAs*"] }), item)).toBe(true);
    expect(ruleMatches(m({ sources: ["trivy"] }), item)).toBe(false);
  });

  it("first match wins unless it says continue", () => {
    const rules = [
      { id: "a", match: m({ categories: ["security"] }), continueMatching: true },
      { id: "b", match: m({}), continueMatching: false },
      { id: "c", match: m({}), continueMatching: false },
    ];
    expect(matchingRules(rules, item).map((r) => r.id)).toEqual(["a", "b"]);
  });

  it("overlap of patterns errs towards protecting the baseline", () => {
    expect(patternsCanOverlap("prod-*", "dev-*")).toBe(false);
    expect(patternsCanOverlap("prod-*", "prod-eu-*")).toBe(true);
    expect(patternsCanOverlap("prod-*", "prod-eu")).toBe(true);
    expect(matchesOverlap(m({ categories: ["efficiency"] }), m({ categories: ["security"] }))).toBe(false);
  });
});

describe("baseline guard", () => {
  const baseline = [
    {
      name: "Critical security",
      kind: "findings" as const,
      match: m({ minSeverity: "critical", categories: ["security"] }),
      pdSeverity: "critical" as const,
      noPage: false,
    },
  ];
  it("names the baseline rule a team rule would silence or lower", () => {
    const rule = { name: "x", kind: "findings" as const, match: m({}), pdSeverity: "critical" as const, noPage: true };
    expect(baselineConflict(rule, baseline)).toMatch(/"Critical security".*no page/);
    expect(baselineConflict({ ...rule, noPage: false, pdSeverity: "error" }, baseline)).toMatch(/lower that to error/);
    expect(baselineConflict({ ...rule, noPage: false }, baseline)).toBeNull();
    expect(baselineConflict({ ...rule, match: m({ categories: ["efficiency"] }) }, baseline)).toBeNull();
    expect(baselineConflict({ ...rule, kind: "budget" }, baseline)).toBeNull();
  });
});

describe("payload", () => {
  it("dedup keys are stable per group and epoch, and fit PagerDuty's limit", () => {
    const key = groupKeyOf({ orgId: "o", teamId: "t", kind: "findings", subject: "polaris/x", scope: "check:" });
    expect(dedupKeyOf(key, 1)).toBe(dedupKeyOf(key, 1));
    expect(dedupKeyOf(key, 2)).not.toBe(dedupKeyOf(key, 1));
    expect(dedupKeyOf(key, 1).length).toBeLessThanOrEqual(255);
    expect(groupKeyOf({ orgId: "o", teamId: null, kind: "findings", subject: "polaris/x", scope: "check:" })).not.toBe(
      key,
    );
  });

  it("bounds the sample and the summary", () => {
    expect(boundedSample(["a", "b", "c"], 3, 2)).toEqual(["a", "b", "…and 1 more"]);
    expect(boundedSample(["a"], 1)).toEqual(["a"]);
    const body = triggerBody(
      "k",
      "error",
      {
        summary: "s".repeat(5000),
        source: "c",
        component: "x",
        group: "g",
        class: "security",
        customDetails: {},
        link: "http://x",
        linkText: "x",
      },
      "http://x",
      new Date(0),
    );
    expect(body.payload!.summary).toHaveLength(1024);
    expect(body.payload!.summary.endsWith("…")).toBe(true);
  });
});

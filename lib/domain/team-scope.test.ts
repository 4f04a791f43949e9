import { describe, expect, it } from "vitest";
import { ZScopeRules, type TScopeRuleInput } from "./scope-rules";
import {
  ownerResolver,
  ruleMatches,
  scopeIncludes,
  wildcardMatch,
  type TScopedResource,
  type TTeamScope,
} from "./team-scope";

const rules = (input: TScopeRuleInput[]) => ZScopeRules.parse(input);
const rule = (input: TScopeRuleInput) => rules([input])[0];

const resource = (overrides: Partial<TScopedResource> = {}): TScopedResource => ({
  cluster: "prod-us-east",
  namespace: "payments-api",
  kind: "Deployment",
  name: "payments-api",
  labels: {},
  ...overrides,
});

const team = (id: string, priority: number, input: TScopeRuleInput[], name = id): TTeamScope => ({
  id,
  name,
  priority,
  rules: rules(input),
});

// Each behaviour with its cases: [pattern, value, matches].
const WILDCARD_CASES: Record<string, [string, string, boolean][]> = {
  "treats * and the empty pattern as match-anything": [
    ["*", "", true],
    ["*", "anything/at.all", true],
    ["", "payments", true],
  ],
  "compares patterns without * exactly, case included": [
    ["payments", "payments", true],
    ["payments", "payments-api", false],
    ["payments", "Payments", false],
  ],
  "lets * stand for any run of characters, including none, anywhere in the pattern": [
    ["payments-*", "payments-api", true],
    ["payments-*", "payments-", true],
    ["payments-*", "payments", false],
    ["*-api", "checkout-api", true],
    ["*-api", "checkout-api-v2", false],
    ["pay*-*-v*", "payments-api-v2", true],
    ["pay*-*-v*", "payments-api", false],
  ],
  "matches the whole value, not a substring": [
    ["api*", "payments-api", false],
    ["*api", "api-gateway", false],
  ],
  "keeps regular-expression metacharacters literal": [
    ["a.b", "axb", false],
    ["a.b*", "axb-1", false],
    ["a.b*", "a.b-1", true],
    ["v1+*", "v11", false],
    ["v1+*", "v1+rc", true],
    ["(x|y)*", "x", false],
    ["(x|y)*", "(x|y)z", true],
    ["[a-z]*", "b", false],
    ["^a$*", "^a$!", true],
    ["a?*", "a", false],
    ["team/*", "team/payments", true],
  ],
  "lets * cross line breaks and slashes": [["a*b", "a\n/b", true]],
};

describe("wildcardMatch", () => {
  for (const [behaviour, cases] of Object.entries(WILDCARD_CASES)) {
    it(behaviour, () => {
      for (const [pattern, value, matches] of cases) {
        expect(wildcardMatch(pattern, value), `${pattern} against ${JSON.stringify(value)}`).toBe(matches);
      }
    });
  }
});

// Each behaviour: one rule and the resources it should (true) or should not (false) match.
const RULE_CASES: Record<string, { rule: TScopeRuleInput; cases: [Partial<TScopedResource>, boolean][] }> = {
  "requires every field of the rule to match": {
    rule: { effect: "include", cluster: "prod-*", namespace: "payments-*", kind: "Deployment", name: "*" },
    cases: [
      [{}, true],
      [{ cluster: "staging-eu" }, false],
      [{ namespace: "checkout-web" }, false],
      [{ kind: "StatefulSet" }, false],
    ],
  },
  "restricts a rule to one cluster when the cluster is named": {
    rule: { effect: "include", cluster: "staging-eu", namespace: "payments-*" },
    cases: [
      [{ cluster: "staging-eu" }, true],
      [{ cluster: "prod-us-east" }, false],
    ],
  },
  "fails when a listed label is missing, even with a wildcard value": {
    rule: { effect: "include", labels: { team: "*" } },
    cases: [
      [{ labels: { app: "x" } }, false],
      [{ labels: { team: "" } }, true],
      [{ labels: { team: "payments" } }, true],
    ],
  },
  "matches label values against their pattern and needs every listed label": {
    rule: { effect: "include", labels: { team: "pay*", tier: "backend" } },
    cases: [
      [{ labels: { team: "payments", tier: "backend" } }, true],
      [{ labels: { team: "payments", tier: "frontend" } }, false],
      [{ labels: { team: "checkout", tier: "backend" } }, false],
      [{ labels: { team: "payments" } }, false],
    ],
  },
  "treats an empty label value pattern as any value": {
    rule: { effect: "include", labels: { team: "" } },
    cases: [
      [{ labels: { team: "anything" } }, true],
      [{}, false],
    ],
  },
};

describe("ruleMatches", () => {
  for (const [behaviour, { rule: input, cases }] of Object.entries(RULE_CASES)) {
    it(behaviour, () => {
      for (const [overrides, matches] of cases) {
        expect(ruleMatches(rule(input), resource(overrides)), JSON.stringify(overrides)).toBe(matches);
      }
    });
  }
});

describe("scopeIncludes", () => {
  it("owns nothing with an empty rule list", () => {
    expect(scopeIncludes([], resource())).toBe(false);
  });

  it("lets an exclude above an include carve out an exception", () => {
    const scope = rules([
      { effect: "exclude", namespace: "payments-sandbox" },
      { effect: "include", namespace: "payments-*" },
    ]);
    expect(scopeIncludes(scope, resource({ namespace: "payments-api" }))).toBe(true);
    expect(scopeIncludes(scope, resource({ namespace: "payments-sandbox" }))).toBe(false);
  });

  it("never reaches an exclude placed below an include that already matched", () => {
    const scope = rules([
      { effect: "include", namespace: "payments-*" },
      { effect: "exclude", namespace: "payments-sandbox" },
    ]);
    expect(scopeIncludes(scope, resource({ namespace: "payments-sandbox" }))).toBe(true);
  });

  it("does not include what only an exclude rule matches", () => {
    expect(scopeIncludes(rules([{ effect: "exclude", namespace: "*" }]), resource())).toBe(false);
  });

  it("falls through non-matching rules to a later include", () => {
    const scope = rules([
      { effect: "exclude", namespace: "payments-sandbox" },
      { effect: "include", labels: { team: "payments" } },
    ]);
    expect(scopeIncludes(scope, resource({ namespace: "data-analytics", labels: { team: "payments" } }))).toBe(true);
    expect(scopeIncludes(scope, resource({ namespace: "data-analytics" }))).toBe(false);
  });
});

describe("ownerResolver", () => {
  it("gives an overlapping resource to the team with the lowest priority number", () => {
    const resolve = ownerResolver([
      team("platform", 30, [{ effect: "include", namespace: "*" }]),
      team("payments", 10, [{ effect: "include", namespace: "payments-*" }]),
    ]);
    expect(resolve(resource({ namespace: "payments-api" }))).toBe("payments");
    expect(resolve(resource({ namespace: "kube-system" }))).toBe("platform");
  });

  it("breaks priority ties by team name", () => {
    const resolve = ownerResolver([
      team("id-zeta", 10, [{ effect: "include" }], "Zeta"),
      team("id-alpha", 10, [{ effect: "include" }], "Alpha"),
    ]);
    expect(resolve(resource())).toBe("id-alpha");
  });

  it("passes a resource excluded by the first team on to the next matching team", () => {
    const resolve = ownerResolver([
      team("payments", 10, [
        { effect: "exclude", namespace: "payments-sandbox" },
        { effect: "include", namespace: "payments-*" },
      ]),
      team("platform", 20, [{ effect: "include", namespace: "*" }]),
    ]);
    expect(resolve(resource({ namespace: "payments-sandbox" }))).toBe("platform");
    expect(resolve(resource({ namespace: "payments-api" }))).toBe("payments");
  });

  it("leaves unmatched resources unassigned, and a team with no rules owns nothing", () => {
    const resolve = ownerResolver([
      team("empty", 1, []),
      team("checkout", 20, [{ effect: "include", namespace: "checkout-*" }]),
    ]);
    expect(resolve(resource({ namespace: "payments-api" }))).toBeNull();
    expect(resolve(resource({ namespace: "checkout-web" }))).toBe("checkout");
    expect(ownerResolver([])(resource())).toBeNull();
  });

  it("applies cluster-specific rules only to that cluster", () => {
    const resolve = ownerResolver([
      team("staging-owners", 5, [{ effect: "include", cluster: "staging-eu" }]),
      team("payments", 10, [{ effect: "include", namespace: "payments-*" }]),
    ]);
    expect(resolve(resource({ cluster: "staging-eu" }))).toBe("staging-owners");
    expect(resolve(resource({ cluster: "prod-us-east" }))).toBe("payments");
  });

  it("owns by label when the namespace does not match", () => {
    const resolve = ownerResolver([
      team("payments", 10, [
        { effect: "include", namespace: "payments-*" },
        { effect: "include", labels: { team: "payments" } },
      ]),
    ]);
    expect(resolve(resource({ namespace: "data-analytics", labels: { team: "payments" } }))).toBe("payments");
    expect(resolve(resource({ namespace: "data-analytics", labels: { team: "payment" } }))).toBeNull();
  });
});

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

describe("wildcardMatch", () => {
  it("treats * and the empty pattern as match-anything", () => {
    expect(wildcardMatch("*", "")).toBe(true);
    expect(wildcardMatch("*", "anything/at.all")).toBe(true);
    expect(wildcardMatch("", "payments")).toBe(true);
  });

  it("compares patterns without * exactly, case included", () => {
    expect(wildcardMatch("payments", "payments")).toBe(true);
    expect(wildcardMatch("payments", "payments-api")).toBe(false);
    expect(wildcardMatch("payments", "Payments")).toBe(false);
  });

  it("lets * stand for any run of characters, including none, anywhere in the pattern", () => {
    expect(wildcardMatch("payments-*", "payments-api")).toBe(true);
    expect(wildcardMatch("payments-*", "payments-")).toBe(true);
    expect(wildcardMatch("payments-*", "payments")).toBe(false);
    expect(wildcardMatch("*-api", "checkout-api")).toBe(true);
    expect(wildcardMatch("*-api", "checkout-api-v2")).toBe(false);
    expect(wildcardMatch("pay*-*-v*", "payments-api-v2")).toBe(true);
    expect(wildcardMatch("pay*-*-v*", "payments-api")).toBe(false);
  });

  it("matches the whole value, not a substring", () => {
    expect(wildcardMatch("api*", "payments-api")).toBe(false);
    expect(wildcardMatch("*api", "api-gateway")).toBe(false);
  });

  it("keeps regular-expression metacharacters literal", () => {
    expect(wildcardMatch("a.b", "axb")).toBe(false);
    expect(wildcardMatch("a.b*", "axb-1")).toBe(false);
    expect(wildcardMatch("a.b*", "a.b-1")).toBe(true);
    expect(wildcardMatch("v1+*", "v11")).toBe(false);
    expect(wildcardMatch("v1+*", "v1+rc")).toBe(true);
    expect(wildcardMatch("(x|y)*", "x")).toBe(false);
    expect(wildcardMatch("(x|y)*", "(x|y)z")).toBe(true);
    expect(wildcardMatch("[a-z]*", "b")).toBe(false);
    expect(wildcardMatch("^a$*", "^a$!")).toBe(true);
    expect(wildcardMatch("a?*", "a")).toBe(false);
    expect(wildcardMatch("team/*", "team/payments")).toBe(true);
  });

  it("lets * cross line breaks and slashes", () => {
    expect(wildcardMatch("a*b", "a\n/b")).toBe(true);
  });
});

describe("ruleMatches", () => {
  it("requires every field of the rule to match", () => {
    const r = rule({ effect: "include", cluster: "prod-*", namespace: "payments-*", kind: "Deployment", name: "*" });
    expect(ruleMatches(r, resource())).toBe(true);
    expect(ruleMatches(r, resource({ cluster: "staging-eu" }))).toBe(false);
    expect(ruleMatches(r, resource({ namespace: "checkout-web" }))).toBe(false);
    expect(ruleMatches(r, resource({ kind: "StatefulSet" }))).toBe(false);
  });

  it("restricts a rule to one cluster when the cluster is named", () => {
    const r = rule({ effect: "include", cluster: "staging-eu", namespace: "payments-*" });
    expect(ruleMatches(r, resource({ cluster: "staging-eu" }))).toBe(true);
    expect(ruleMatches(r, resource({ cluster: "prod-us-east" }))).toBe(false);
  });

  it("fails when a listed label is missing, even with a wildcard value", () => {
    const r = rule({ effect: "include", labels: { team: "*" } });
    expect(ruleMatches(r, resource({ labels: { app: "x" } }))).toBe(false);
    expect(ruleMatches(r, resource({ labels: { team: "" } }))).toBe(true);
    expect(ruleMatches(r, resource({ labels: { team: "payments" } }))).toBe(true);
  });

  it("matches label values against their pattern and needs every listed label", () => {
    const r = rule({ effect: "include", labels: { team: "pay*", tier: "backend" } });
    expect(ruleMatches(r, resource({ labels: { team: "payments", tier: "backend" } }))).toBe(true);
    expect(ruleMatches(r, resource({ labels: { team: "payments", tier: "frontend" } }))).toBe(false);
    expect(ruleMatches(r, resource({ labels: { team: "checkout", tier: "backend" } }))).toBe(false);
    expect(ruleMatches(r, resource({ labels: { team: "payments" } }))).toBe(false);
  });

  it("treats an empty label value pattern as any value", () => {
    const r = rule({ effect: "include", labels: { team: "" } });
    expect(ruleMatches(r, resource({ labels: { team: "anything" } }))).toBe(true);
    expect(ruleMatches(r, resource())).toBe(false);
  });
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

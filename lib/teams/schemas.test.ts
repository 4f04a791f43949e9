import { describe, expect, it } from "vitest";
import { ZNewTeam, ZScopeRulesDraft } from "./schemas";
import { ZScopeRules } from "@/lib/domain/scope-rules";

const draft = (overrides: Record<string, unknown> = {}) => ({
  effect: "include",
  cluster: "",
  namespace: "payments-*",
  kind: "",
  name: "",
  labels: [],
  ...overrides,
});

const issuePaths = (input: unknown) => {
  const result = ZScopeRulesDraft.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.path.join("."));
};

describe("ZScopeRulesDraft", () => {
  it("turns editor rows into saved rules: blanks become *, label rows become a map", () => {
    const parsed = ZScopeRulesDraft.parse([
      draft({
        labels: [
          { key: " team ", value: "payments " },
          { key: "", value: "" },
          { key: "tier", value: "" },
        ],
      }),
    ]);
    expect(parsed).toEqual([
      {
        effect: "include",
        cluster: "*",
        namespace: "payments-*",
        kind: "*",
        name: "*",
        labels: { team: "payments", tier: "" },
      },
    ]);
    expect(ZScopeRules.parse(parsed)).toEqual(parsed);
  });

  it("points errors at the rule and label row that caused them", () => {
    expect(issuePaths([draft(), draft({ namespace: "pay ments" })])).toEqual(["1.namespace"]);
    expect(
      issuePaths([
        draft({
          labels: [
            { key: "team", value: "a" },
            { key: "team", value: "b" },
            { key: "", value: "x" },
            { key: "ok", value: "has space" },
          ],
        }),
      ]),
    ).toEqual(["0.labels.1.key", "0.labels.2.key", "0.labels.3.value"]);
    expect(issuePaths([draft({ effect: "maybe" })])).toEqual(["0.effect"]);
  });
});

describe("ZNewTeam", () => {
  it("lower-cases the slug and refuses a blank priority instead of reading it as 0", () => {
    expect(ZNewTeam.parse({ name: "Search", slug: "Search", priority: "40" })).toEqual({
      name: "Search",
      slug: "search",
      description: "",
      priority: 40,
    });
    const blank = ZNewTeam.safeParse({ name: "Search", slug: "search", priority: "" });
    expect(blank.success ? [] : blank.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["priority", "Enter a whole number."],
    ]);
  });
});

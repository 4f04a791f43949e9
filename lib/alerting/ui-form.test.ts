import { describe, expect, it } from "vitest";
import { ZRuleInput } from "./schemas";
import { ruleFieldErrors, ruleInputFromForm, splitList } from "./ui-form";
import { formOf } from "@/lib/testing/forms";

describe("rule form", () => {
  it("splits lists on commas, spaces and new lines", () => {
    expect(splitList(" prod-*, staging\nkube-system  ,, ")).toEqual(["prod-*", "staging", "kube-system"]);
    expect(splitList(null)).toEqual([]);
  });

  it("reads the destination choice into noPage / useTeamDestination / destinationId", () => {
    const id = "5f0c2a4e-8d1b-4c3a-9e2f-1a2b3c4d5e6f";
    const base = { name: "R", kind: "findings", destinationId: id, continueMatching: "on", categories: ["security"] };
    expect(ruleInputFromForm(formOf({ ...base, destinationMode: "none" }))).toMatchObject({
      noPage: true,
      useTeamDestination: false,
      destinationId: null,
      continueMatching: true,
      match: { categories: ["security"] },
    });
    expect(ruleInputFromForm(formOf({ ...base, destinationMode: "team", destinationId: "" }))).toMatchObject({
      noPage: false,
      useTeamDestination: true,
      destinationId: null,
    });
    const specific = ruleInputFromForm(formOf({ ...base, name: "Specific", destinationMode: "specific" }));
    expect(ZRuleInput.parse(specific)).toMatchObject({ destinationId: id, useTeamDestination: false, noPage: false });
  });

  it("keys errors by the form field", () => {
    expect(ruleFieldErrors({ "match.checks.2": ["Bad"], "match.checks.0": ["Bad"], name: ["Short"] })).toEqual({
      checks: ["Bad"],
      name: ["Short"],
    });
  });
});

import { describe, expect, it } from "vitest";
import { describeChanges, fieldLabel, formatValue } from "./describe-changes";

describe("describeChanges", () => {
  it("shows only the changed fields of an update", () => {
    expect(describeChanges({ role: "member", email: "a@x.io" }, { role: "admin", email: "a@x.io" })).toEqual([
      { field: "role", before: "member", after: "admin" },
    ]);
  });

  it("lists every field of a creation or a deletion", () => {
    expect(describeChanges(null, { name: "CI", kind: "org_read" })).toEqual([
      { field: "name", after: "CI" },
      { field: "kind", after: "org_read" },
    ]);
    expect(describeChanges({ slug: "prod", kubernetesVersion: null }, undefined)).toEqual([
      { field: "slug", before: "prod" },
      { field: "kubernetes version", before: "—" },
    ]);
  });

  it("marks fields added or removed by an update with a dash", () => {
    expect(describeChanges({ team: "payments" }, { team: "payments", teamRole: "editor" })).toEqual([
      { field: "team role", before: "—", after: "editor" },
    ]);
  });

  it("handles scalar and array values readably", () => {
    expect(describeChanges("a", "b")).toEqual([{ field: "value", before: "a", after: "b" }]);
    expect(describeChanges({ tags: ["x", "y"] }, { tags: [] })).toEqual([
      { field: "tags", before: "x, y", after: "none" },
    ]);
    expect(formatValue([{ a: 1 }, { b: 2 }])).toBe("2 items");
    expect(formatValue("x".repeat(100))).toHaveLength(80);
    expect(fieldLabel("team_role")).toBe("team role");
    expect(describeChanges(null, null)).toEqual([]);
  });
});

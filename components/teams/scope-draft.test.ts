import { describe, expect, it } from "vitest";
import { ZScopeRules } from "@/lib/domain/scope-rules";
import { errorKey, errorsByRowId, moveRule, toDraftRules, toPayload } from "./scope-draft";

const saved = ZScopeRules.parse([
  { effect: "exclude", namespace: "payments-sandbox" },
  { effect: "include", namespace: "payments-*", labels: { team: "payments" } },
]);

describe("scope editor drafts", () => {
  it("shows `any` as blank fields and round-trips to the same payload the server parses", () => {
    const rows = toDraftRules(saved);
    expect(rows[0]).toMatchObject({
      effect: "exclude",
      cluster: "",
      namespace: "payments-sandbox",
      kind: "",
      name: "",
    });
    expect(toPayload(rows)[1]).toEqual({
      effect: "include",
      cluster: "",
      namespace: "payments-*",
      kind: "",
      name: "",
      labels: [{ key: "team", value: "payments" }],
    });
  });

  it("keeps server errors on the row that was sent, even after rows move", () => {
    const rows = toDraftRules(saved);
    const errors = errorsByRowId(rows, {
      "rules.1.namespace": ["Bad pattern."],
      "rules.1.labels.0.value": ["Bad value."],
      "rules.9.name": ["Unknown row."],
      org: ["Missing."],
    });
    expect(errors).toEqual({
      [errorKey(rows[1].id, "namespace")]: ["Bad pattern."],
      [errorKey(rows[1].id, "value", rows[1].labels[0].id)]: ["Bad value."],
      _: ["Unknown row.", "Missing."],
    });
    const moved = moveRule(rows, 1, -1);
    expect(moved.map((r) => r.id)).toEqual([rows[1].id, rows[0].id]);
    expect(moveRule(rows, 0, -1).map((r) => r.id)).toEqual(rows.map((r) => r.id));
  });
});

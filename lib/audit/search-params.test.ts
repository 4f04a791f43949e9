import { describe, expect, it } from "vitest";
import { encodeCursor } from "@/lib/api/http";
import { auditPageQuery, parseAuditSearchParams } from "./search-params";

describe("audit page URL state", () => {
  it("keeps valid filters, drops and names invalid ones, and ignores a forged cursor", () => {
    const cursor = encodeCursor({ d: "next", k: ["2026-03-01T00:00:00.000Z", "42"] });
    const parsed = parseAuditSearchParams({
      action: "token.created",
      actor: ["admin@acme.example", "ignored"],
      from: "last week",
      cursor,
    });
    expect(parsed.filters).toEqual({ action: "token.created", actor: "admin@acme.example" });
    expect(parsed.problems).toEqual([expect.stringMatching(/^from: /)]);
    expect(parsed.cursor).toEqual(cursor);
    expect(parseAuditSearchParams({ cursor: "garbage" }).cursor).toBeUndefined();
  });

  it("builds links that keep the filters", () => {
    expect(auditPageQuery({ action: "cluster.deleted", to: "2026-03-02" }, "abc")).toBe(
      "?action=cluster.deleted&to=2026-03-02&cursor=abc",
    );
    expect(auditPageQuery({})).toBe("");
  });
});

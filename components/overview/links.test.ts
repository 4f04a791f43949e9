import { describe, expect, it } from "vitest";
import { parseFindingFilters } from "@/lib/findings/filters";
import { findingHref, findingsLinker } from "./links";

describe("findingsLinker", () => {
  it("links the org overview's figures to the list with exactly their filter", () => {
    const link = findingsLinker("acme");
    expect(link()).toBe("/o/acme/findings");
    expect(link({ severity: ["critical"] })).toBe("/o/acme/findings?severity=critical");
    expect(link({ cluster: ["prod-us-east"], namespace: ["payments-api"], severity: ["high"] })).toBe(
      "/o/acme/findings?cluster=prod-us-east&namespace=payments-api&severity=high",
    );
    expect(link({ team: ["unassigned"] })).toBe("/o/acme/findings?team=unassigned");
  });

  it("keeps a team page's team on every link, and the list reads the same view back", () => {
    const link = findingsLinker("acme", { team: ["payments"] });
    const href = link({ status: ["snoozed", "resolved"], category: ["security"] });
    expect(href).toBe("/o/acme/findings?team=payments&category=security&status=snoozed%2Cresolved");
    const { filters, problems } = parseFindingFilters(new URL(href, "http://x").searchParams);
    expect(problems).toEqual([]);
    expect(filters).toMatchObject({ team: ["payments"], category: ["security"], status: ["snoozed", "resolved"] });
  });

  it("escapes what it puts in the path", () => {
    expect(findingHref("acme", "d7c71f8c-b91b-43e2-8538-591706b222a2")).toBe(
      "/o/acme/findings/d7c71f8c-b91b-43e2-8538-591706b222a2",
    );
    expect(findingsLinker("a/b")()).toBe("/o/a%2Fb/findings");
  });
});

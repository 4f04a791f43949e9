import { describe, expect, it } from "vitest";
import { DEFAULT_FILTERS, effectiveStates, toFindingSearchParams } from "@/lib/domain/finding-filters";
import { parseFindingFilters } from "./filters";

describe("findings filters", () => {
  it("reads repeated and comma-separated values alike, and drops duplicates", () => {
    const { filters, problems } = parseFindingFilters(
      new URLSearchParams("severity=high&severity=critical,high&team=payments&q=%20run%20as%20root%20"),
    );
    expect(problems).toEqual([]);
    expect(filters.severity).toEqual(["high", "critical"]);
    expect(filters.team).toEqual(["payments"]);
    expect(filters.q).toBe("run as root");
  });

  it("round-trips through the canonical query string", () => {
    const view = {
      ...DEFAULT_FILTERS,
      team: ["payments", "unassigned"],
      cluster: ["prod"],
      namespace: ["payments-api"],
      severity: ["critical" as const],
      category: ["security"],
      source: ["trivy"],
      check: ["CVE-2024-1"],
      status: ["open" as const, "snoozed" as const],
      assignee: ["me"],
      from: "2026-11-01",
      to: "2026-11-25",
      ticket: "open" as const,
      tag: ["pci", "platform"],
      rule: ["6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b"],
      due: "2026-12-31",
      overdue: true,
      q: "openssl",
      sort: "first_seen" as const,
      group: "check" as const,
    };
    const query = toFindingSearchParams(view).toString();
    expect(parseFindingFilters(new URLSearchParams(query))).toEqual({ filters: view, problems: [] });
    // Defaults stay out of the URL.
    expect(toFindingSearchParams(DEFAULT_FILTERS).toString()).toBe("");
  });

  it("reports unknown values and bad dates, and keeps the rest of the view", () => {
    const { filters, problems } = parseFindingFilters({
      severity: ["urgent", "high"],
      from: "yesterday",
      ticket: "maybe",
      sort: "x",
    });
    expect(filters.severity).toEqual(["high"]);
    expect(filters.from).toBeNull();
    expect(filters.ticket).toBeNull();
    expect(filters.sort).toBe("severity");
    expect(problems.map((p) => p.field)).toEqual(["severity", "from", "ticket", "sort"]);
  });

  it("drops values with a NUL or a lone surrogate and impossible dates, naming the field (issue 16)", () => {
    const { filters, problems } = parseFindingFilters(
      new URLSearchParams({ team: "shop\u0000,web", q: "x\u0000", from: "2026-02-30", to: "0000-01-01" }),
    );
    expect(filters).toMatchObject({ team: ["web"], q: "", from: null, to: null });
    expect(problems.map((p) => p.field).sort()).toEqual(["from", "q", "team", "to"]);
    const pageParams = parseFindingFilters({ check: ["a\ud800"], from: "2024-02-29" });
    expect(pageParams.filters).toMatchObject({ check: [], from: "2024-02-29" });
    expect(pageParams.problems).toEqual([
      { field: "check", message: "A value contains an unpaired UTF-16 surrogate." },
    ]);
  });

  it("writes the SLA, tag and rule filters in their canonical place", () => {
    const view = {
      ...DEFAULT_FILTERS,
      severity: ["high" as const],
      tag: ["pci"],
      rule: ["6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b"],
      due: "2026-12-31",
      overdue: true,
    };
    expect(toFindingSearchParams(view).toString()).toBe(
      "severity=high&tag=pci&rule=6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b&due=2026-12-31&overdue=true",
    );
    // A rule id is one spelling, tags repeat or come as a list, overdue=false is the default.
    const { filters, problems } = parseFindingFilters(
      new URLSearchParams("rule=6F1C2B7E-3A4D-4E5F-8A9B-0C1D2E3F4A5B&tag=pci&tag=platform,pci&overdue=false"),
    );
    expect(problems).toEqual([]);
    expect(filters).toMatchObject({
      rule: ["6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b"],
      tag: ["pci", "platform"],
      overdue: false,
    });
    expect(toFindingSearchParams(filters).toString()).toBe(
      "tag=pci%2Cplatform&rule=6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b",
    );
  });

  it("names the field of a bad due date, tag, rule id or overdue flag", () => {
    const { filters, problems } = parseFindingFilters({
      due: "2026-02-30",
      tag: ["PCI", "ok"],
      rule: ["sandbox-rule"],
      overdue: "yes",
    });
    expect(filters).toMatchObject({ due: null, tag: ["ok"], rule: [], overdue: false });
    expect(problems.map((p) => p.field)).toEqual(["tag", "rule", "due", "overdue"]);
  });

  it("shows open findings when no status is chosen", () => {
    expect(effectiveStates(DEFAULT_FILTERS)).toEqual(["open"]);
  });
});

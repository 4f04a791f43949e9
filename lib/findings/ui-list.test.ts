import { describe, expect, it } from "vitest";
import { DEFAULT_FILTERS, type TFindingFilters } from "@/lib/domain/finding-filters";
import {
  canonicalRedirectQuery,
  clearedFilters,
  filterChips,
  findingDetailHref,
  findingsListHref,
  FIRST_PAGE,
  MAX_PREV_PAGES,
  nextPage,
  parsePageState,
  previousPage,
  safeBackHref,
  type TFilterNames,
} from "./ui-list";

const names: TFilterNames = {
  teams: { payments: "Payments" },
  clusters: { "prod-us-east": "Production US East" },
  people: { "6f1d3c52-8a4b-4d55-9a0e-6b7c1d2e3f40": "Dana Developer" },
};

const view = (change: Partial<TFindingFilters>): TFindingFilters => ({ ...DEFAULT_FILTERS, ...change });

describe("back link from a finding to its list", () => {
  it("goes to the plain list without a back value", () => {
    expect(safeBackHref("acme", undefined)).toBe("/o/acme/findings");
    expect(safeBackHref("acme", "")).toBe("/o/acme/findings");
  });

  it("keeps the list's filters and page", () => {
    expect(safeBackHref("acme", "severity=critical%2Chigh&category=security&cursor=abc_-1&prev=xyz")).toBe(
      "/o/acme/findings?severity=critical%2Chigh&category=security&cursor=abc_-1&prev=xyz",
    );
    expect(safeBackHref("acme", "/o/acme/findings?team=payments")).toBe("/o/acme/findings?team=payments");
  });

  it("never leaves the org's findings list", () => {
    for (const back of [
      "https://evil.example/o/acme/findings",
      "//evil.example/o/acme/findings",
      "/o/other-org/findings?team=payments",
      "/o/acme/settings",
      "/o/acme/findings/../settings",
      "javascript:alert(1)",
      "/\\evil.example",
    ]) {
      expect(safeBackHref("acme", back)).toBe("/o/acme/findings");
    }
  });

  it("drops what the list does not understand from the query", () => {
    expect(safeBackHref("acme", "next=https://evil.example&severity=bogus&q=root")).toBe("/o/acme/findings?q=root");
    expect(safeBackHref("acme", "cursor=<script>")).toBe("/o/acme/findings");
  });

  it("is what the list's links carry", () => {
    const href = findingDetailHref("acme", "f1", "severity=critical");
    expect(href).toBe("/o/acme/findings/f1?back=severity%3Dcritical");
    const back = new URL(href, "http://x").searchParams.get("back");
    expect(safeBackHref("acme", back)).toBe("/o/acme/findings?severity=critical");
    expect(findingDetailHref("acme", "f1")).toBe("/o/acme/findings/f1");
  });
});

describe("pages of a view", () => {
  it("walks forward and back without OFFSET", () => {
    const second = nextPage(FIRST_PAGE, "c2");
    expect(second).toEqual({ cursor: "c2", prev: [] });
    const third = nextPage(second, "c3");
    expect(third).toEqual({ cursor: "c3", prev: ["c2"] });
    expect(previousPage(third)).toEqual(second);
    expect(previousPage(second)).toEqual(FIRST_PAGE);
    expect(previousPage(FIRST_PAGE)).toBeNull();
  });

  it("keeps only the most recent pages behind it", () => {
    let page = FIRST_PAGE;
    for (let i = 0; i < MAX_PREV_PAGES + 5; i++) page = nextPage(page, `c${i}`);
    expect(page.prev).toHaveLength(MAX_PREV_PAGES);
    expect(page.prev.at(-1)).toBe(`c${MAX_PREV_PAGES + 3}`);
  });

  it("reads the page from the URL and ignores a malformed cursor", () => {
    expect(parsePageState(new URLSearchParams("cursor=abc&prev=a1,b2"))).toEqual({ cursor: "abc", prev: ["a1", "b2"] });
    expect(parsePageState(new URLSearchParams("cursor=a%20b&prev=a1"))).toEqual(FIRST_PAGE);
    expect(parsePageState({ cursor: "abc", prev: "x,,y!" })).toEqual({ cursor: "abc", prev: ["x"] });
  });

  it("links each page with its filters in canonical order", () => {
    const filters = view({ severity: ["critical"], sort: "first_seen" });
    expect(findingsListHref("acme", filters, { cursor: "c3", prev: ["c2"] })).toBe(
      "/o/acme/findings?severity=critical&sort=first_seen&cursor=c3&prev=c2",
    );
    expect(findingsListHref("acme", DEFAULT_FILTERS)).toBe("/o/acme/findings");
  });
});

describe("canonical list URLs", () => {
  it("rewrites what a submitted filter form sends", () => {
    const submitted = new URLSearchParams("q=&severity=critical&severity=high&status=open&from=&to=&group=check");
    expect(canonicalRedirectQuery(submitted)).toBe("severity=critical%2Chigh&group=check");
  });

  it("leaves a canonical URL alone, so there is no redirect loop", () => {
    const canonical = canonicalRedirectQuery(new URLSearchParams("q=&status=open"));
    expect(canonical).toBe("");
    expect(canonicalRedirectQuery(new URLSearchParams(canonical!))).toBeNull();
    expect(canonicalRedirectQuery(new URLSearchParams("severity=critical%2Chigh&cursor=abc"))).toBeNull();
  });

  it("keeps a URL with problems so the page can say what was ignored", () => {
    expect(canonicalRedirectQuery(new URLSearchParams("severity=urgent"))).toBeNull();
  });
});

describe("filter chips", () => {
  it("names every active value and links to the view without it", () => {
    const filters = view({
      severity: ["critical", "high"],
      team: ["payments", "unassigned"],
      cluster: ["prod-us-east"],
      assignee: ["me", "none", "6f1d3c52-8a4b-4d55-9a0e-6b7c1d2e3f40"],
      source: ["kube-bench"],
      q: "root",
      from: "2026-03-01",
      ticket: "none",
      sort: "first_seen",
    });
    const chips = filterChips("acme", filters, names);
    expect(chips.map((c) => `${c.label}: ${c.value}`)).toEqual([
      "Text: “root”",
      "Severity: Critical",
      "Severity: High",
      "Team: Payments",
      "Team: Unassigned",
      "Assignee: Me",
      "Assignee: Nobody",
      "Assignee: Dana Developer",
      "Cluster: Production US East",
      "Source: kube-bench",
      "Ticket: No ticket",
      "First seen from: Mar 1, 2026",
    ]);
    const critical = chips.find((c) => c.key === "severity:critical")!;
    expect(critical.removeHref).toContain("severity=high&");
    expect(critical.removeHref).not.toContain("critical");
    // The sort is a preference, not a filter: removing a chip keeps it.
    expect(critical.removeHref).toContain("sort=first_seen");
    expect(chips.find((c) => c.key === "q")!.removeHref).not.toContain("q=");
    expect(chips.find((c) => c.key === "ticket")!.removeHref).not.toContain("ticket=");
    expect(critical.removeHref).toContain("ticket=none");
  });

  it("has none for the default view, and clearing keeps sort and grouping", () => {
    expect(filterChips("acme", view({ sort: "resource", group: "check" }), names)).toEqual([]);
    expect(clearedFilters(view({ severity: ["low"], q: "x", sort: "resource", group: "check" }))).toEqual(
      view({ sort: "resource", group: "check" }),
    );
  });

  it("shows an unknown slug as it is rather than hiding it", () => {
    const [chip] = filterChips("acme", view({ cluster: ["gone-cluster"] }), names);
    expect(chip.value).toBe("gone-cluster");
  });

  it("names the rule a rule filter's chip removes, and says Overdue and Due by", () => {
    const rule = "0b5c0f3e-1111-4aaa-8bbb-000000000001";
    const filters = view({
      tag: ["pci"],
      rule: [rule, "0b5c0f3e-9999-4aaa-8bbb-000000000009"],
      overdue: true,
      due: "2026-12-31",
    });
    const chips = filterChips("acme", filters, { ...names, rules: { [rule]: "Sandbox is low" } });
    expect(chips.map((c) => `${c.label}: ${c.value}`)).toEqual([
      "Tag: pci",
      "Changed by rule: Sandbox is low",
      // Another org's rule, or one deleted since: nothing matches, and the chip says why.
      "Changed by rule: Unknown rule",
      "Due: Overdue",
      "Due by: Dec 31, 2026",
    ]);
    const overdue = chips.find((c) => c.key === "overdue")!;
    expect(overdue.removeHref).not.toContain("overdue");
    expect(overdue.removeHref).toContain("due=2026-12-31");
    expect(chips.find((c) => c.key === `rule:${rule}`)!.removeHref).toBe(
      "/o/acme/findings?tag=pci&rule=0b5c0f3e-9999-4aaa-8bbb-000000000009&due=2026-12-31&overdue=true",
    );
  });
});

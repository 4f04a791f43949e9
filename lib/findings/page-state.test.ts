import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import { DEFAULT_FILTERS, type TFindingFilters } from "@/lib/domain/finding-filters";
import { parseFindingFilters } from "./filters";
import {
  canonicalListHref,
  canTriageAny,
  checkFindingsHref,
  filterNamesOf,
  findingPageState,
  findingsExportHref,
  listEmptyReason,
  openScopeLabel,
  orRefusedPage,
  pagerLinks,
  pageUnit,
  resourceFindingsHref,
  savedViewLinks,
  searchParamsOf,
  shownOnPage,
  singleTeam,
} from "./page-state";
import { FIRST_PAGE, type TPageState } from "./ui-list";

const view = (change: Partial<TFindingFilters> = {}): TFindingFilters => ({ ...DEFAULT_FILTERS, ...change });
const ORG_WIDE = { teamIds: null, unassigned: true };
const TEAMS = { teamIds: ["t1"], unassigned: false };

/** An empty first page of the default view of a member with findings and clusters. */
const emptyList = (change: Partial<Parameters<typeof listEmptyReason>[0]> = {}) =>
  listEmptyReason({
    org: "acme",
    filters: view(),
    page: FIRST_PAGE,
    rows: 0,
    scope: TEAMS,
    total: 12,
    hasClusters: true,
    canConnect: false,
    names: { teams: { payments: "Payments" } },
    ...change,
  });

describe("which empty state the findings list shows", () => {
  it("shows none when the page has rows", () => {
    expect(emptyList({ rows: 3 })).toBeNull();
  });

  it("offers the first page when the query refused the cursor, whatever else holds", () => {
    expect(emptyList({ rows: null, scope: { teamIds: [], unassigned: false } })).toEqual({
      kind: "bad-page",
      firstHref: "/o/acme/findings",
    });
  });

  it("tells a member on no team so before anything else", () => {
    expect(emptyList({ scope: { teamIds: [], unassigned: false }, total: 0 })).toEqual({ kind: "no-team" });
    // An org admin with no team still sees the unassigned bucket.
    expect(emptyList({ scope: { teamIds: [], unassigned: true } })?.kind).not.toBe("no-team");
  });

  it("says nothing was reported yet, and whether a cluster is connected, when there is no finding at all", () => {
    expect(emptyList({ total: 0, hasClusters: false, canConnect: true, scope: ORG_WIDE })).toEqual({
      kind: "no-findings",
      hasClusters: false,
      canConnect: true,
      clustersHref: "/o/acme/clusters",
    });
    // With a filter set, an org without findings is just a view that matches nothing.
    expect(emptyList({ total: 0, filters: view({ severity: ["low"] }) })?.kind).toBe("filtered");
  });

  it("calls an empty team view good news, naming the team, and links to the triaged findings", () => {
    expect(emptyList()).toEqual({
      kind: "all-clear",
      who: "your teams",
      otherStatesHref: "/o/acme/findings?status=snoozed%2Cresolved",
    });
    expect(emptyList({ filters: view({ team: ["payments"] }) })).toMatchObject({ who: "Payments" });
    expect(emptyList({ filters: view({ team: ["gone"] }) })).toMatchObject({ who: "gone" });
    expect(emptyList({ filters: view({ team: ["unassigned"] }) })).toMatchObject({ who: "unassigned findings" });
    // Grouping and sorting are not filters.
    expect(emptyList({ filters: view({ group: "check", sort: "resource" }) })?.kind).toBe("all-clear");
  });

  it("calls an empty Overdue view good news too, and links to the open findings", () => {
    expect(emptyList({ filters: view({ overdue: true, team: ["payments"] }) })).toEqual({
      kind: "none-overdue",
      who: "Payments",
      openHref: "/o/acme/findings?team=payments",
    });
    expect(emptyList({ filters: view({ overdue: true, severity: ["critical"] }) })?.kind).toBe("filtered");
  });

  it("offers to clear filters that match nothing, keeping the sort", () => {
    expect(emptyList({ filters: view({ severity: ["critical"], sort: "resource" }) })).toEqual({
      kind: "filtered",
      clearHref: "/o/acme/findings?sort=resource",
    });
  });

  it("offers the first page for an empty later page", () => {
    const later: TPageState = { cursor: "abc", prev: [] };
    expect(emptyList({ page: later })).toEqual({ kind: "bad-page", firstHref: "/o/acme/findings" });
    expect(emptyList({ page: later, filters: view({ q: "x" }) })).toEqual({
      kind: "bad-page",
      firstHref: "/o/acme/findings?q=x",
    });
  });
});

describe("the findings list's links and labels", () => {
  it("pages forward and back, with the first page one click away from a later page", () => {
    const hrefAt = (p: TPageState) => `/list?cursor=${p.cursor ?? ""}&prev=${p.prev.join(",")}`;
    expect(pagerLinks(FIRST_PAGE, null, hrefAt)).toEqual({ firstHref: null, prevHref: null, nextHref: null });
    expect(pagerLinks(FIRST_PAGE, "c1", hrefAt).nextHref).toBe("/list?cursor=c1&prev=");
    const third: TPageState = { cursor: "c2", prev: ["c1"] };
    expect(pagerLinks(third, "c3", hrefAt)).toEqual({
      firstHref: "/list?cursor=&prev=",
      prevHref: "/list?cursor=c1&prev=",
      nextHref: "/list?cursor=c3&prev=c1,c2",
    });
  });

  it("counts the page's rows in the grouping's unit", () => {
    expect(shownOnPage(1234, pageUnit("none"))).toBe("1,234 findings on this page");
    expect(pageUnit("check")).toBe("checks");
    expect(pageUnit("resource")).toBe("resources");
  });

  it("says whose findings are counted and whether the viewer triages any", () => {
    expect(openScopeLabel(ORG_WIDE)).toBe("the organization");
    expect(openScopeLabel(TEAMS)).toBe("your teams");
    expect(canTriageAny(ORG_WIDE)).toBe(true);
    expect(canTriageAny({ teamIds: [], unassigned: false })).toBe(false);
    expect(canTriageAny({ teamIds: [], unassigned: true })).toBe(true);
  });

  it("keeps the tabs on one team only when exactly one is chosen", () => {
    expect(singleTeam(view({ team: ["payments"] }))).toBe("payments");
    expect(singleTeam(view({ team: ["payments", "checkout"] }))).toBeNull();
    expect(singleTeam(view())).toBeNull();
  });

  it("exports the same view, and marks the saved view the list shows", () => {
    expect(findingsExportHref("acme", view({ severity: ["high"] }))).toBe(
      "/api/v1/findings/export?org=acme&severity=high",
    );
    expect(
      savedViewLinks(
        "acme",
        [
          { id: "v1", name: "Mine", query: "assignee=me" },
          { id: "v2", name: "All", query: "" },
        ],
        "assignee=me",
      ),
    ).toEqual([
      { id: "v1", name: "Mine", href: "/o/acme/findings?assignee=me", current: true },
      { id: "v2", name: "All", href: "/o/acme/findings", current: false },
    ]);
  });

  it("keeps the SLA, tag and rule filters in saved views and exports", () => {
    const overdue = view({ tag: ["pci"], overdue: true });
    expect(findingsExportHref("acme", overdue)).toBe("/api/v1/findings/export?org=acme&tag=pci&overdue=true");
    const saved = parseFindingFilters(new URLSearchParams("overdue=true&tag=pci")).filters;
    expect(saved).toEqual(overdue);
    expect(
      savedViewLinks(
        "acme",
        [{ id: "v1", name: "Overdue PCI", query: "tag=pci&overdue=true" }],
        "tag=pci&overdue=true",
      ),
    ).toEqual([{ id: "v1", name: "Overdue PCI", href: "/o/acme/findings?tag=pci&overdue=true", current: true }]);
    expect(canonicalListHref("acme", new URLSearchParams("overdue=true&tag=pci&due="))).toBe(
      "/o/acme/findings?tag=pci&overdue=true",
    );
  });

  it("opens a check's or a resource's findings from a grouped row", () => {
    const grouped = view({ group: "check", severity: ["high"], namespace: ["shop"] });
    expect(checkFindingsHref("acme", grouped, "runAsRoot")).toBe(
      "/o/acme/findings?namespace=shop&severity=high&check=runAsRoot",
    );
    const resource = { cluster: { slug: "prod" }, namespace: "pay", name: "api" };
    expect(resourceFindingsHref("acme", grouped, resource)).toBe(
      "/o/acme/findings?cluster=prod&namespace=pay&severity=high&q=api",
    );
    // A cluster-wide object keeps the view's namespaces.
    expect(resourceFindingsHref("acme", grouped, { ...resource, namespace: "" })).toContain("namespace=shop");
  });

  it("names the filters' slugs and ids", () => {
    expect(
      filterNamesOf(
        [{ slug: "payments", name: "Payments" }],
        [{ slug: "prod", name: "Production" }],
        [{ id: "u1", name: "Dana" }],
        [{ id: "r1", name: "Sandbox is low" }],
      ),
    ).toEqual({
      teams: { payments: "Payments" },
      clusters: { prod: "Production" },
      people: { u1: "Dana" },
      rules: { r1: "Sandbox is low" },
    });
  });

  it("redirects a list URL to its canonical form only when it is not in it", () => {
    expect(canonicalListHref("acme", new URLSearchParams("severity=high"))).toBeNull();
    expect(canonicalListHref("acme", new URLSearchParams("severity=high&severity=critical"))).toBe(
      "/o/acme/findings?severity=high%2Ccritical",
    );
    expect(canonicalListHref("acme", new URLSearchParams("q="))).toBe("/o/acme/findings");
  });

  it("reads Next's search params with repeated parameters kept", () => {
    expect(searchParamsOf({ a: "1", b: ["2", "3"], c: undefined }).toString()).toBe("a=1&b=2&b=3");
  });
});

describe("a page query's refused cursor", () => {
  it("is an empty page (null); other errors still throw", async () => {
    await expect(orRefusedPage(Promise.resolve(["row"]))).resolves.toEqual(["row"]);
    await expect(orRefusedPage(Promise.reject(new AppError("bad_request", "bad cursor")))).resolves.toBeNull();
    await expect(orRefusedPage(Promise.reject(new AppError("not_found", "gone")))).rejects.toThrow("gone");
  });
});

describe("a finding page's links", () => {
  const finding = { team: { id: "t1", slug: "payments", name: "Payments" }, checkId: "runAsRoot", vulnerabilityId: "" };

  it("links the team only for those who see it", () => {
    expect(findingPageState("acme", finding, { teamVisible: true, hasPackages: false }).teamHref).toBe(
      "/o/acme/teams/payments",
    );
    expect(findingPageState("acme", finding, { teamVisible: false, hasPackages: false }).teamHref).toBeNull();
    expect(
      findingPageState("acme", { ...finding, team: null }, { teamVisible: true, hasPackages: false }).teamHref,
    ).toBeNull();
  });

  it("reads a check finding's references as documentation, a vulnerability's as advisories", () => {
    const check = findingPageState("acme", finding, { teamVisible: true, hasPackages: false });
    expect(check).toMatchObject({
      isVulnerability: false,
      cveHref: null,
      referencesTitle: "Check documentation",
      sameProblemHref: "/o/acme/findings?check=runAsRoot",
      evidenceDescription: "What the report said about this resource.",
    });
    const cve = findingPageState(
      "acme",
      { ...finding, vulnerabilityId: "CVE-2024-1 x" },
      {
        teamVisible: true,
        hasPackages: true,
      },
    );
    expect(cve).toMatchObject({
      isVulnerability: true,
      cveHref: "/o/acme/findings/vulnerabilities/CVE-2024-1%20x",
      referencesTitle: "Advisories",
      evidenceDescription: "The packages in the image that carry this vulnerability.",
    });
  });
});

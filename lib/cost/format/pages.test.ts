import { describe, expect, it } from "vitest";
import type { TBudgetView } from "../budgets/queries";
import type { TServiceDay } from "../types";
import { budgetFormFields, budgetPermissions, monthTitle, newBudgetForm } from "./budget-page";
import {
  canBudgetTeam,
  costSources,
  decodeSegment,
  groupingToKeep,
  newBudgetHref,
  overviewEmptyReason,
  requestedTotals,
  shareOf,
  withRowHints,
} from "./pages";
import { defaultPriceRows, formatUnitPrice, priceFieldSpecs, priceTexts } from "./price-specs";

const base = "/o/acme/cost";
const payments = { id: "t1", slug: "payments", name: "Payments" };
const search = { id: "t2", slug: "search", name: "Search" };
const owner = { role: "owner" as const, teamRoles: new Map() };
const member = (roles: Record<string, "viewer" | "editor" | "admin">) => ({
  role: "member" as const,
  teamRoles: new Map(Object.entries(roles)),
});

describe("the cost overview's empty states", () => {
  const some = { total: 12, previousTotal: null };
  const none = { total: 0, previousTotal: null };
  const view = { orgWide: true, teamIds: null, preset: "30d" as const, summary: some, points: 3 };

  it("shows the figures when there is any cost, now, before or in the chart", () => {
    expect(overviewEmptyReason(view)).toBeNull();
    expect(overviewEmptyReason({ ...view, summary: { total: 0, previousTotal: 4 }, points: 0 })).toBeNull();
    expect(overviewEmptyReason({ ...view, summary: none, points: 1 })).toBeNull();
  });

  it("says a member on no team is on no team, whatever the figures", () => {
    expect(overviewEmptyReason({ ...view, orgWide: false, teamIds: [] })).toBe("no-team");
    expect(overviewEmptyReason({ ...view, orgWide: false, teamIds: ["t1"], summary: none, points: 0 })).toBe("no-data");
  });

  it("tells no cost yet from a custom range without rows", () => {
    expect(overviewEmptyReason({ ...view, summary: none, points: 0 })).toBe("no-data");
    expect(overviewEmptyReason({ ...view, preset: "custom", summary: none, points: 0 })).toBe("empty-range");
  });
});

describe("the cost overview's figures", () => {
  it("keeps a grouping other than the default in the range links", () => {
    expect(groupingToKeep({ groupBy: "team", labelKey: null })).toEqual({ groupBy: null, labelKey: null });
    expect(groupingToKeep({ groupBy: "label", labelKey: "app" })).toEqual({ groupBy: "label", labelKey: "app" });
  });

  it("names each source with cost, and only those", () => {
    expect(costSources({ bySource: { opencost: 10, estimate: 0, cloud: 2.5 }, reconciledDays: 3 }, "USD")).toEqual([
      "OpenCost $10.00",
      "reconciled to the cloud bill $2.50 (3 days)",
    ]);
    expect(costSources({ bySource: { opencost: 0, estimate: 0, cloud: 0 }, reconciledDays: 0 }, "USD")).toEqual([]);
  });

  it("says what the rows nobody owns are, and nothing under a team", () => {
    const rows = withRowHints([
      { key: "t1", special: false },
      { key: "unassigned", special: true },
      { key: "mystery", special: true },
    ]);
    expect(rows.map((r) => r.sub)).toEqual([null, "Workloads no team's scope matches yet", null]);
  });
});

describe("budget links of the team and service pages", () => {
  it("are for org admins and the team's own admins", () => {
    expect(canBudgetTeam(owner, "t1")).toBe(true);
    expect(canBudgetTeam(member({ t1: "admin" }), "t1")).toBe(true);
    expect(canBudgetTeam(member({ t1: "editor" }), "t1")).toBe(false);
    expect(canBudgetTeam(member({ t2: "admin" }), "t1")).toBe(false);
  });

  it("open the budgets page filled in for the team or the service", () => {
    expect(newBudgetHref(base, owner, payments)).toBe("/o/acme/cost/budgets?new=team&team=payments");
    expect(newBudgetHref(base, owner, payments, "checkout api")).toBe(
      "/o/acme/cost/budgets?new=service&team=payments&value=checkout+api",
    );
  });

  it("are not offered for the unassigned workloads or to a team's other members", () => {
    expect(newBudgetHref(base, owner, null)).toBeNull();
    expect(newBudgetHref(base, member({ t1: "viewer" }), payments)).toBeNull();
  });
});

describe("the service page", () => {
  const day = (cpu: number, memory: number): TServiceDay => ({
    day: "2026-03-01",
    cost: 1,
    cpuCoreHoursRequested: cpu,
    cpuCoreHoursUsed: null,
    memoryGibHoursRequested: memory,
    memoryGibHoursUsed: null,
  });

  it("reads a service name from its URL segment, even a malformed one", () => {
    expect(decodeSegment("checkout%20api")).toBe("checkout api");
    expect(decodeSegment("100%")).toBe("100%");
  });

  it("adds up what the containers requested", () => {
    expect(requestedTotals([day(2, 4), day(1.5, 0.5)])).toEqual({ cpu: 3.5, memory: 4.5 });
    expect(requestedTotals([])).toEqual({ cpu: 0, memory: 0 });
  });

  it("has no share of a team without cost", () => {
    expect(shareOf(25, 100)).toBe(0.25);
    expect(shareOf(0, 0)).toBeNull();
  });
});

describe("the budgets page", () => {
  it("lets org admins and team admins create budgets, each changing only their own", () => {
    const admin = budgetPermissions([payments], false);
    expect(admin.canCreate).toBe(true);
    expect(admin.canManage({ team: payments })).toBe(true);
    expect(admin.canManage({ team: search })).toBe(false);
    expect(admin.canManage({ team: null })).toBe(false);
    expect(budgetPermissions([], true).canManage({ team: null })).toBe(true);
    expect(budgetPermissions([], false).canCreate).toBe(false);
  });

  it("opens a new budget filled in as a team's or service's link asks", () => {
    expect(newBudgetForm({ new: "service", team: "payments", value: "checkout" }, [search, payments])).toEqual({
      initial: {
        name: "checkout monthly",
        scope: "service",
        teamId: "t1",
        value: "checkout",
        labelKey: "",
        monthlyAmount: "",
        actualThresholds: "80, 100",
        forecastThresholds: "100",
      },
      open: true,
    });
    expect(newBudgetForm({ new: "team", team: "payments" }, [payments]).initial).toMatchObject({
      name: "Payments monthly",
      scope: "team",
      value: "",
    });
  });

  it("starts closed and blank without a link, and opens nothing for a team the viewer does not manage", () => {
    const blank = newBudgetForm({}, [search, payments]);
    expect(blank.open).toBe(false);
    expect(blank.initial).toMatchObject({ name: "", scope: "team", teamId: "t2" });
    expect(newBudgetForm({ new: "team", team: "payments" }, [search]).open).toBe(false);
    expect(newBudgetForm({ new: "label" }, []).initial).toMatchObject({ scope: "label", teamId: "" });
  });

  it("edits a saved budget with its own fields", () => {
    const budget = {
      name: "Search labels",
      scope: "label",
      team: null,
      value: "search",
      labelKey: "product",
      monthlyAmount: 2500,
      thresholds: [
        { basis: "actual", percent: 90 },
        { basis: "forecast", percent: 110 },
      ],
    } as unknown as TBudgetView;
    expect(budgetFormFields(budget)).toEqual({
      name: "Search labels",
      scope: "label",
      teamId: "",
      value: "search",
      labelKey: "product",
      monthlyAmount: "2500",
      actualThresholds: "90",
      forecastThresholds: "110",
    });
  });

  it("names the month in UTC", () => {
    expect(monthTitle("2026-03-01")).toBe("March 2026");
  });
});

describe("the cost settings' prices", () => {
  const prices = { cpuHour: 0.03, memoryGibHour: 0.004, gpuHour: 0.95, storageGibHour: 0.00005 };

  it("shows in each empty field the price it falls back to; a cluster also takes a node cost", () => {
    const org = priceFieldSpecs(prices);
    expect(org.map((f) => [f.name, f.placeholder])).toEqual([
      ["cpuHourPrice", "0.03"],
      ["memoryGibHourPrice", "0.004"],
      ["gpuHourPrice", "0.95"],
      ["storageGibHourPrice", "0.00005"],
    ]);
    expect(priceFieldSpecs(prices, { node: true }).at(-1)).toEqual({
      name: "nodeHourPrice",
      label: "Node",
      unit: "per node-hour",
      placeholder: "e.g. 0.192",
    });
  });

  it("leaves an inherited price's field empty", () => {
    const org = { cpuHourPrice: 0.05, memoryGibHourPrice: null, gpuHourPrice: null, storageGibHourPrice: 0 };
    expect(priceTexts(org)).toEqual({
      cpuHourPrice: "0.05",
      memoryGibHourPrice: "",
      gpuHourPrice: "",
      storageGibHourPrice: "0",
    });
    expect(priceTexts({ ...org, nodeHourPrice: null })).toHaveProperty("nodeHourPrice", "");
  });

  it("lists the defaults with OpenCost's spot prices where it has them", () => {
    expect(defaultPriceRows(prices).map((r) => r.spot === null)).toEqual([false, false, true, true]);
    expect(formatUnitPrice(0.031611, "USD")).toBe("$0.031611");
  });
});

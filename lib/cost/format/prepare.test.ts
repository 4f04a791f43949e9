import { describe, expect, it } from "vitest";
import type { TBudgetView } from "../budgets/queries";
import { budgetProgress } from "../budgets/progress";
import { formatChange, formatMoney, formatPercent, formatUnitHours } from "./numbers";
import { prepareBudgets } from "./budgets";
import { OTHER_KEY, prepareCostSeries } from "./series";
import { prepareLabelTable, prepareTeamTable } from "./tables";
import { prepareServiceUsage } from "./usage";
import type { TCostSeriesPoint } from "../types";

const range = { from: "2026-03-01", to: "2026-03-03" };
const p = (day: string, key: string, cost: number, bucket: TCostSeriesPoint["bucket"] = "group"): TCostSeriesPoint => ({
  day,
  key,
  label: key,
  bucket,
  cost,
});

describe("prepareCostSeries", () => {
  it("keeps the top N keys, folds the rest into Other, and never folds idle, unassigned or (none)", () => {
    const points = [
      p("2026-03-01", "a", 50),
      p("2026-03-01", "b", 40),
      p("2026-03-01", "c", 5),
      p("2026-03-01", "d", 3),
      p("2026-03-01", "idle", 1, "idle"),
      p("2026-03-01", "unassigned", 0.5, "unassigned"),
      p("2026-03-02", "(none)", 2),
    ];
    const s = prepareCostSeries(points, range, 2);
    expect(s.series.map((x) => [x.key, x.label, x.kind])).toEqual([
      ["a", "a", "group"],
      ["b", "b", "group"],
      [OTHER_KEY, "Other", "other"],
      ["(none)", "(none)", "special"],
      ["idle", "Idle capacity", "special"],
      ["unassigned", "Unassigned", "special"],
    ]);
    expect(s.data[0][OTHER_KEY]).toBe(8);
    expect(s.total).toBeCloseTo(101.5, 12);
    expect(s.empty).toBe(false);
  });

  it("gives null for a day without rows and 0 for a key missing on a day with rows", () => {
    const s = prepareCostSeries([p("2026-03-01", "a", 1), p("2026-03-02", "b", 2)], range);
    expect(s.data).toEqual([
      { day: "2026-03-01", a: 1, b: 0 },
      { day: "2026-03-02", a: 0, b: 2 },
      { day: "2026-03-03", a: null, b: null },
    ]);
  });

  it("says empty for no points, with every day present for the axis", () => {
    const s = prepareCostSeries([], range);
    expect(s.empty).toBe(true);
    expect(s.series).toEqual([]);
    expect(s.data.map((d) => d.day)).toEqual(["2026-03-01", "2026-03-02", "2026-03-03"]);
  });
});

describe("formatting", () => {
  it("formats money in the org's currency, rounding only here", () => {
    expect(formatMoney(1234.5, "USD")).toBe("$1,234.50");
    expect(formatMoney(1234.5, "EUR")).toBe("€1,234.50");
    expect(formatMoney(0.001234, "USD")).toBe("$0.0012");
    expect(formatMoney(0, "USD")).toBe("$0.00");
    expect(formatMoney(12345, "USD", { compact: true })).toBe("$12.3K");
    expect(formatMoney(null, "USD")).toBe("—");
  });

  it("formats ratios and changes, with null as a dash or 'new'", () => {
    expect(formatPercent(0.4236)).toBe("42%");
    expect(formatPercent(null)).toBe("—");
    expect(formatChange(0.125)).toBe("+13%");
    expect(formatChange(-0.03)).toBe("−3%");
    expect(formatChange(null)).toBe("new");
    expect(formatUnitHours(null, "core")).toBe("—");
    expect(formatUnitHours(12.345, "GiB")).toBe("12.3 GiB-h");
  });
});

describe("tables", () => {
  it("names the team-less rows plainly and links teams", () => {
    const rows = prepareTeamTable(
      [
        {
          key: "t1",
          bucket: "team",
          team: { id: "t1", slug: "pay", name: "Payments" },
          cost: 75,
          previousCost: 50,
          change: 0.5,
          efficiency: 0.4,
          share: 0.75,
        },
        {
          key: "idle",
          bucket: "idle",
          team: null,
          cost: 25,
          previousCost: null,
          change: null,
          efficiency: null,
          share: 0.25,
        },
      ],
      "USD",
      (slug) => `/o/acme/cost/teams/${slug}`,
    );
    expect(rows[0]).toMatchObject({
      label: "Payments",
      href: "/o/acme/cost/teams/pay",
      cost: "$75.00",
      change: "+50%",
      trend: "up",
      efficiency: "40%",
      share: "75.0%",
      sharePercent: 75,
    });
    expect(rows[1]).toMatchObject({
      label: "Idle capacity",
      href: null,
      special: true,
      change: "new",
      trend: "new",
      efficiency: "—",
    });
  });

  it("shows (none) for workloads without the label", () => {
    const rows = prepareLabelTable(
      [{ value: "(none)", bucket: "none", cost: 3, previousCost: 3, change: 0, efficiency: null, share: 1 }],
      "USD",
    );
    expect(rows[0]).toMatchObject({ label: "(none)", special: true, trend: "flat" });
  });
});

describe("prepareServiceUsage", () => {
  it("fills every day, keeping unknown usage null and days without rows null", () => {
    const u = prepareServiceUsage(
      [
        {
          day: "2026-03-02",
          cost: 2,
          cpuCoreHoursRequested: 12,
          cpuCoreHoursUsed: null,
          memoryGibHoursRequested: 24,
          memoryGibHoursUsed: null,
        },
      ],
      range,
    );
    expect(u.data[0]).toEqual({
      day: "2026-03-01",
      cost: null,
      cpuRequested: null,
      cpuUsed: null,
      memoryRequested: null,
      memoryUsed: null,
    });
    expect(u.data[1]).toMatchObject({ cost: 2, cpuRequested: 12, cpuUsed: null });
    expect(u.hasUsage).toBe(false);
    expect(prepareServiceUsage([], range).empty).toBe(true);
  });
});

describe("budgets", () => {
  const thresholds = [
    { basis: "actual" as const, percent: 80 },
    { basis: "actual" as const, percent: 100 },
    { basis: "forecast" as const, percent: 100 },
  ];
  const budgetView = (fields: Partial<TBudgetView> & Pick<TBudgetView, "progress">): TBudgetView => ({
    id: "b",
    name: "x",
    scope: "team",
    team: null,
    value: "",
    labelKey: "",
    monthlyAmount: 100,
    thresholds,
    alerts: [],
    createdAt: new Date(),
    updatedAt: new Date(),
    ...fields,
  });

  it("crosses thresholds on month-to-date and on the forecast", () => {
    const daily = new Map([
      ["2026-06-01", 10],
      ["2026-06-02", 10],
    ]);
    const p = budgetProgress(100, thresholds, daily, "2026-06-02");
    expect(p.month.forecast).toBe(300);
    expect(p.thresholds.map((t) => [t.key, t.crossed])).toEqual([
      ["actual:80", false],
      ["actual:100", false],
      ["forecast:100", true],
    ]);
    const view = budgetView({
      name: "Payments",
      scope: "team",
      team: { id: "t", slug: "pay", name: "Payments" },
      monthlyAmount: 100,
      progress: p,
    });
    const [bar] = prepareBudgets([view], "USD");
    expect(bar).toMatchObject({
      status: "warning",
      spentPercent: 20,
      forecastPercent: 100,
      spent: "$20.00",
      forecast: "$300.00",
      scopeLabel: "Team Payments",
    });
    expect(bar.markers).toEqual([
      { key: "actual:80", percent: 80, crossed: false },
      { key: "actual:100", percent: 100, crossed: false },
    ]);
  });

  it("is over at 100 % spent, with the bar capped", () => {
    const p = budgetProgress(10, thresholds, new Map([["2026-06-01", 25]]), "2026-06-01");
    const view = budgetView({ scope: "label", value: "search", labelKey: "product", monthlyAmount: 10, progress: p });
    expect(prepareBudgets([view], "USD")[0]).toMatchObject({
      status: "over",
      spentPercent: 100,
      spentText: "250%",
      scopeLabel: "product=search",
    });
  });
});

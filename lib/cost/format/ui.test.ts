import { describe, expect, it } from "vitest";
import { prepareCostSeries, seriesLegend } from "./series";
import { budgetFieldOf, parseBudgetForm, thresholdFields, type TBudgetFormFields } from "../forms/budget-form";
import { parsePriceFields } from "../forms/price-form";
import { costHref, formatRange, parseBreakdownState, parseGroupState, parseRangeState } from "./page-state";
import { formatBytes, formatCores, prepareRightsizing, totalSaving } from "./rightsizing";
import type { TRightsizingRow } from "../queries/rightsizing";
import { prepareMovers, summarizeService } from "./team";

const TODAY = "2026-03-10";

describe("cost page URLs", () => {
  it("reads the range from the link, defaulting to the last 30 days", () => {
    expect(parseRangeState({}, TODAY)).toEqual({
      preset: "30d",
      range: { from: "2026-02-09", to: TODAY },
      query: "",
      problem: null,
    });
    expect(parseRangeState({ range: "7d" }, TODAY).query).toBe("range=7d");
    const custom = parseRangeState({ range: "custom", from: "2026-01-01", to: "2026-01-31" }, TODAY);
    expect(custom.range).toEqual({ from: "2026-01-01", to: "2026-01-31" });
    expect(custom.query).toBe("range=custom&from=2026-01-01&to=2026-01-31");
  });

  it("falls back to 30 days with the reason for a link it cannot use", () => {
    expect(parseRangeState({ range: "forever" }, TODAY)).toMatchObject({ preset: "30d", query: "" });
    expect(parseRangeState({ range: "custom", from: "2026-01-01" }, TODAY).problem).toMatch(/needs from and to/);
    expect(parseRangeState({ range: "custom", from: "2020-01-01", to: "2026-01-01" }, TODAY).problem).toMatch(
      /at most 366 days/,
    );
  });

  it("builds links that keep the range and drop empty values", () => {
    expect(costHref("/o/acme/cost", "", {})).toBe("/o/acme/cost");
    expect(costHref("/o/acme/cost", "range=7d", { groupBy: "label", labelKey: "app", by: null })).toBe(
      "/o/acme/cost?range=7d&groupBy=label&labelKey=app",
    );
  });

  it("groups by a label key only when the range has it", () => {
    expect(parseGroupState({ groupBy: "label", labelKey: "app" }, ["team", "app"])).toEqual({
      groupBy: "label",
      labelKey: "app",
    });
    expect(parseGroupState({ groupBy: "label", labelKey: "gone" }, ["team"])).toEqual({
      groupBy: "label",
      labelKey: "team",
    });
    expect(parseGroupState({ groupBy: "label" }, [])).toEqual({ groupBy: "team", labelKey: null });
    expect(parseGroupState({ groupBy: "cluster" }, [])).toEqual({ groupBy: "cluster", labelKey: null });
    expect(parseBreakdownState({ by: "container" })).toBe("container");
    expect(parseBreakdownState({ by: "nonsense" })).toBe("service");
  });

  it("names ranges for people", () => {
    expect(formatRange({ from: "2026-02-09", to: "2026-03-10" })).toBe("Feb 9 – Mar 10, 2026");
    expect(formatRange({ from: "2025-12-30", to: "2026-01-02" })).toBe("Dec 30, 2025 – Jan 2, 2026");
  });
});

describe("chart legend", () => {
  it("gives each series its total over the range, the groups numbered for their colours", () => {
    const prepared = prepareCostSeries(
      [
        { day: "2026-03-01", key: "t1", label: "Payments", bucket: "team", cost: 10 },
        { day: "2026-03-02", key: "t1", label: "Payments", bucket: "team", cost: 5 },
        { day: "2026-03-02", key: "idle", label: "idle", bucket: "idle", cost: 2.5 },
      ],
      { from: "2026-03-01", to: "2026-03-03" },
    );
    expect(seriesLegend(prepared)).toEqual([
      { key: "t1", label: "Payments", kind: "group", index: 0, total: 15 },
      { key: "idle", label: "Idle capacity", kind: "special", index: -1, total: 2.5 },
    ]);
  });
});

const form = (over: Partial<TBudgetFormFields> = {}): TBudgetFormFields => ({
  name: "Payments monthly",
  scope: "team",
  teamId: "7a1c0c49-3f6e-4a63-9c5e-3b1f1f0a2b11",
  value: "",
  labelKey: "",
  monthlyAmount: "2,500",
  actualThresholds: "80, 100%",
  forecastThresholds: "100",
  ...over,
});

describe("budget form", () => {
  it("turns the fields into a budget input with its thresholds", () => {
    const parsed = parseBudgetForm(form());
    expect(parsed).toEqual({
      ok: true,
      input: {
        name: "Payments monthly",
        scope: "team",
        teamId: "7a1c0c49-3f6e-4a63-9c5e-3b1f1f0a2b11",
        value: "",
        labelKey: "",
        monthlyAmount: 2500,
        thresholds: [
          { basis: "actual", percent: 80 },
          { basis: "actual", percent: 100 },
          { basis: "forecast", percent: 100 },
        ],
      },
    });
    expect(thresholdFields(parsed.ok ? parsed.input.thresholds! : [])).toEqual({
      actualThresholds: "80, 100",
      forecastThresholds: "100",
    });
  });

  it("names the field of each problem", () => {
    expect(parseBudgetForm(form({ monthlyAmount: "lots", actualThresholds: "80, 12.5", scope: "x" }))).toEqual({
      ok: false,
      fieldErrors: {
        scope: ["Choose what the budget covers."],
        monthlyAmount: ["Enter the monthly amount, e.g. 2500."],
        actualThresholds: ["Whole percents between 1 and 1000, separated by commas: 80, 100."],
      },
    });
    expect(parseBudgetForm(form({ actualThresholds: "", forecastThresholds: " " }))).toMatchObject({
      ok: false,
      fieldErrors: { actualThresholds: ["Give at least one threshold, e.g. 80, 100."] },
    });
    // An org-wide label budget has no team.
    const label = parseBudgetForm(form({ scope: "label", teamId: "", labelKey: "product", value: "search" }));
    expect(label.ok && label.input).toMatchObject({ teamId: null, labelKey: "product", value: "search" });
    const parsed = parseBudgetForm(form());
    if (!parsed.ok) throw new Error("the default form should parse");
    expect(budgetFieldOf("thresholds.2.percent", parsed.input)).toBe("forecastThresholds");
    expect(budgetFieldOf("thresholds.0.percent", parsed.input)).toBe("actualThresholds");
    expect(budgetFieldOf("monthlyAmount", parsed.input)).toBe("monthlyAmount");
  });
});

describe("price fields", () => {
  it("reads empty as inherit and refuses what is not a number", () => {
    const values: Record<string, string> = { cpuHourPrice: " 0.04 ", memoryGibHourPrice: "", nodeHourPrice: "$1.5" };
    expect(
      parsePriceFields((n) => values[n] ?? "", ["cpuHourPrice", "memoryGibHourPrice", "nodeHourPrice"] as const),
    ).toEqual({ ok: true, values: { cpuHourPrice: 0.04, memoryGibHourPrice: null, nodeHourPrice: 1.5 } });
    expect(parsePriceFields(() => "cheap", ["gpuHourPrice"] as const)).toEqual({
      ok: false,
      fieldErrors: { gpuHourPrice: ["Enter a number, e.g. 0.031611, or leave it empty."] },
    });
  });
});

describe("rightsizing rows", () => {
  const row = (saving: number): TRightsizingRow => ({
    cluster: { slug: "prod", name: "Production" },
    namespace: "payments",
    kind: "Deployment",
    workload: "api",
    container: "app",
    team: { id: "t", slug: "payments", name: "Payments" },
    replicas: 3,
    current: { cpuCores: 2, memoryBytes: 4 * 2 ** 30 },
    recommended: { cpuCores: 0.35, memoryBytes: null },
    monthlySaving: saving,
    findings: [{ id: "f1", checkId: "cpuRequestTooHigh" }],
  });

  it("formats requests like Kubernetes does and signs the saving", () => {
    expect(formatCores(0.35)).toBe("350m");
    expect(formatCores(1)).toBe("1 core");
    expect(formatCores(2.5)).toBe("2.5 cores");
    expect(formatBytes(96 * 2 ** 20)).toBe("96 MiB");
    expect(formatBytes(1.5 * 2 ** 30)).toBe("1.5 GiB");
    const [save, more] = prepareRightsizing([row(91.62), row(-3.48)], "USD");
    expect(save).toMatchObject({
      cpu: { current: "2 cores", recommended: "350m", changed: true },
      memory: { current: "4 GiB", recommended: "—", changed: false },
      saving: "$91.62",
      direction: "save",
      where: "payments · Production · 3 replicas",
      findings: [{ id: "f1", checkId: "cpuRequestTooHigh", label: "CPU" }],
    });
    expect(more).toMatchObject({ saving: "−$3.48", direction: "more" });
    // Reliability fixes that cost more are not subtracted from what can be saved.
    expect(totalSaving([row(91.62), row(-3.48)])).toBeCloseTo(91.62, 10);
  });
});

describe("team and service figures", () => {
  it("signs movers and sums a service's days against the period before", () => {
    expect(
      prepareMovers(
        [
          { service: "api", cost: 30, previousCost: 10, delta: 20, change: 2 },
          { service: "batch", cost: 0, previousCost: 4, delta: -4, change: -1 },
          { service: "new", cost: 5, previousCost: 0, delta: 5, change: null },
        ],
        "USD",
      ).map((m) => [m.delta, m.change, m.direction]),
    ).toEqual([
      ["+$20.00", "+200%", "up"],
      ["−$4.00", "−100%", "down"],
      ["+$5.00", "new", "up"],
    ]);
    const day = (cost: number, used: number | null) => ({
      day: "2026-03-01",
      cost,
      cpuCoreHoursRequested: 10,
      cpuCoreHoursUsed: used,
      memoryGibHoursRequested: 20,
      memoryGibHoursUsed: used === null ? null : used * 2,
    });
    expect(summarizeService([day(3, 5), day(2, null)], [day(4, 1)])).toEqual({
      total: 5,
      previousTotal: 4,
      change: 0.25,
      cpuEfficiency: 0.5,
      memoryEfficiency: 0.5,
    });
    expect(summarizeService([], [])).toMatchObject({
      total: 0,
      previousTotal: null,
      change: null,
      cpuEfficiency: null,
    });
  });
});

import { describe, expect, it } from "vitest";
import { forecastMonthEnd } from "./forecast";
import { daysIn, eachDay, previousRange, resolveRange } from "./range";

describe("ranges", () => {
  it("resolves presets ending today, both ends included", () => {
    expect(resolveRange("7d", "2026-03-10")).toEqual({ from: "2026-03-04", to: "2026-03-10" });
    expect(daysIn(resolveRange("30d", "2026-03-10"))).toBe(30);
    expect(daysIn(resolveRange("90d", "2026-03-10"))).toBe(90);
    expect(resolveRange("mtd", "2026-03-10")).toEqual({ from: "2026-03-01", to: "2026-03-10" });
    expect(resolveRange("custom", "2026-03-10", { from: "2026-02-20", to: "2026-02-01" })).toEqual({
      from: "2026-02-01",
      to: "2026-02-20",
    });
  });

  it("compares with the same number of days just before", () => {
    expect(previousRange({ from: "2026-03-01", to: "2026-03-10" })).toEqual({ from: "2026-02-19", to: "2026-02-28" });
    expect(eachDay({ from: "2026-02-27", to: "2026-03-01" })).toEqual(["2026-02-27", "2026-02-28", "2026-03-01"]);
  });
});

describe("forecastMonthEnd", () => {
  it("extends month-to-date linearly to the end of the month", () => {
    const daily = new Map([
      ["2026-04-01", 10],
      ["2026-04-02", 20],
      ["2026-04-03", 30],
      ["2026-03-31", 1000],
    ]);
    const f = forecastMonthEnd(daily, "2026-04-03");
    expect(f.monthToDate).toBe(60);
    expect(f.daysElapsed).toBe(3);
    expect(f.daysInMonth).toBe(30);
    expect(f.forecast).toBe(600);
    expect(f.monthEnd).toBe("2026-04-30");
  });

  it("counts elapsed days to the last day with data, and has no forecast without data", () => {
    expect(forecastMonthEnd(new Map([["2026-02-10", 28]]), "2026-02-14").forecast).toBeCloseTo(78.4, 12);
    expect(forecastMonthEnd(new Map(), "2026-02-14")).toMatchObject({ monthToDate: 0, forecast: null, daysElapsed: 0 });
  });
});

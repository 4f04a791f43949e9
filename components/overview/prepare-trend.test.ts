import { describe, expect, it } from "vitest";
import { formatTrendDay, niceBound, prepareTrend, valueAxis, type TTrendDay } from "./prepare-trend";

function days(count: number, start = "2026-10-27"): TTrendDay[] {
  return Array.from({ length: count }, (_, i) => ({
    day: new Date(Date.parse(`${start}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10),
    introduced: 0,
    fixed: 0,
    resolved: 0,
  }));
}

describe("prepareTrend", () => {
  it("puts new findings above the axis and fixed/resolved below, with totals and readable days", () => {
    const input = days(30);
    input[15] = { ...input[15], introduced: 435 };
    input[23] = { ...input[23], introduced: 17, fixed: 14 };
    input[29] = { ...input[29], introduced: 7, fixed: 17, resolved: 2 };
    const trend = prepareTrend(input);
    expect(trend.points).toHaveLength(30);
    expect(trend.points[29]).toEqual({ day: "2026-11-25", label: "Nov 25", introduced: 7, fixed: -17, resolved: -2 });
    expect(trend.totals).toEqual({ introduced: 459, fixed: 31, resolved: 2 });
    // The text alternative lists the days that had something, newest first.
    expect(trend.activeDays.map((d) => d.day)).toEqual(["2026-11-25", "2026-11-19", "2026-11-11"]);
    // Quiet days are zeros, never -0 (which a tooltip would print as "-0").
    expect(Object.is(trend.points[0].fixed, 0)).toBe(true);
  });

  it("labels one day a week, ending on the last day so today always has a label", () => {
    const trend = prepareTrend(days(30));
    expect(trend.ticks).toEqual(["2026-10-28", "2026-11-04", "2026-11-11", "2026-11-18", "2026-11-25"]);
    expect(trend.ticks.map(formatTrendDay)).toEqual(["Oct 28", "Nov 4", "Nov 11", "Nov 18", "Nov 25"]);
  });

  it("formats days in UTC whatever the machine's zone", () => {
    expect(formatTrendDay("2026-01-01")).toBe("Jan 1");
  });
});

describe("valueAxis", () => {
  it("sizes each side to its own peak on one scale", () => {
    expect(valueAxis(435, 17)).toEqual({ domain: [-20, 500], yTicks: [0, 250, 500] });
    expect(valueAxis(40, 30)).toEqual({ domain: [-50, 50], yTicks: [-50, -25, 0, 25, 50] });
    expect(valueAxis(12, 9)).toEqual({ domain: [-10, 20], yTicks: [-10, 0, 10, 20] });
  });

  it("handles a side with nothing on it, and a window with nothing at all", () => {
    expect(valueAxis(0, 8)).toEqual({ domain: [-10, 0], yTicks: [-10, -5, 0] });
    expect(valueAxis(3, 0)).toEqual({ domain: [0, 5], yTicks: [0, 5] });
    expect(valueAxis(0, 0)).toEqual({ domain: [0, 1], yTicks: [0, 1] });
  });

  it("rounds bounds up to 1, 2 or 5 times a power of ten", () => {
    expect([1, 2, 3, 7, 10, 11, 99, 101, 435].map(niceBound)).toEqual([1, 2, 5, 10, 10, 20, 100, 200, 500]);
  });
});

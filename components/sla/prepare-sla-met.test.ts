import { describe, expect, it } from "vitest";
import { formatRatio, prepareSlaMet, weekStartOf } from "./prepare-sla-met";

describe("prepareSlaMet", () => {
  // Wednesday 2 Dec 2026: its week starts on Monday 30 Nov.
  const now = new Date("2026-12-02T15:00:00Z");

  it("counts weeks from Monday (UTC), the current week last", () => {
    expect(weekStartOf(now).toISOString()).toBe("2026-11-30T00:00:00.000Z");
    expect(weekStartOf(new Date("2026-11-29T23:59:00Z")).toISOString()).toBe("2026-11-23T00:00:00.000Z");
    const chart = prepareSlaMet([], now);
    expect(chart.points).toHaveLength(12);
    expect(chart.points[11]).toMatchObject({ week: "2026-11-30", label: "Nov 30" });
    expect(chart.points[0]).toMatchObject({ week: "2026-09-14", label: "Sep 14" });
  });

  it("gives each week its share met, leaves weeks without findings as gaps, and totals the window", () => {
    const chart = prepareSlaMet(
      [
        { week: "2026-11-16", met: 3, missed: 1 },
        { week: "2026-11-30", met: 0, missed: 2 },
        // Outside the window: ignored.
        { week: "2026-06-01", met: 9, missed: 0 },
      ],
      now,
    );
    const byWeek = Object.fromEntries(chart.points.map((p) => [p.week, p]));
    expect(byWeek["2026-11-16"]).toMatchObject({ met: 3, missed: 1, ratio: 0.75 });
    expect(byWeek["2026-11-23"]).toMatchObject({ met: 0, missed: 0, ratio: null });
    expect(byWeek["2026-11-30"]).toMatchObject({ ratio: 0 });
    expect(chart.totals).toEqual({ met: 3, missed: 3 });
    expect(chart.ratio).toBe(0.5);
    expect(chart.hasData).toBe(true);
  });

  it("says when there is nothing to show", () => {
    const chart = prepareSlaMet([], now);
    expect(chart).toMatchObject({ hasData: false, ratio: null, totals: { met: 0, missed: 0 } });
    expect(chart.points.every((p) => p.ratio === null)).toBe(true);
    expect(formatRatio(null)).toBe("—");
    expect(formatRatio(0.834)).toBe("83%");
    expect(formatRatio(1)).toBe("100%");
  });
});

describe("overdueHref", () => {
  it("adds the overdue filter to a scope's list link", async () => {
    const { overdueHref } = await import("./overdue-link");
    expect(overdueHref("/o/acme/findings")).toBe("/o/acme/findings?overdue=true");
    expect(overdueHref("/o/acme/findings?team=payments")).toBe("/o/acme/findings?team=payments&overdue=true");
  });
});

import { describe, expect, it } from "vitest";
import { costDays, periodLabel, previousFrom } from "./period";

describe("periodLabel", () => {
  it("names a week by its seven local days and a day by its weekday", () => {
    expect(periodLabel("weekly", new Date("2026-11-30T09:00:00Z"), "UTC")).toBe("Week of 30 Nov – 6 Dec 2026");
    expect(periodLabel("daily", new Date("2026-12-06T09:00:00Z"), "UTC")).toBe("Sunday 6 Dec 2026");
  });

  it("writes the year on both ends of a week across the new year", () => {
    expect(periodLabel("weekly", new Date("2026-12-28T09:00:00Z"), "UTC")).toBe("Week of 28 Dec 2026 – 3 Jan 2027");
  });

  it("reads the dates in the team's time zone", () => {
    // 20:00 UTC on Sunday is already Monday morning in Auckland, still Sunday noon in Los Angeles.
    const at = new Date("2026-12-06T20:00:00Z");
    expect(periodLabel("daily", at, "Pacific/Auckland")).toBe("Monday 7 Dec 2026");
    expect(periodLabel("daily", at, "America/Los_Angeles")).toBe("Sunday 6 Dec 2026");
    expect(periodLabel("daily", at, "Not/AZone")).toBe("Sunday 6 Dec 2026");
  });
});

describe("the periods' bounds", () => {
  it("puts the previous period just before, as long", () => {
    const window = {
      kind: "weekly" as const,
      from: new Date("2026-11-30T09:00:00Z"),
      to: new Date("2026-12-07T09:00:00Z"),
    };
    expect(previousFrom(window).toISOString()).toBe("2026-11-23T09:00:00.000Z");
  });

  it.each([
    {
      window: { kind: "weekly" as const, from: "2026-11-30T09:00:00Z", to: "2026-12-07T09:00:00Z" },
      days: { from: "2026-11-30", to: "2026-12-06", previousFrom: "2026-11-23", previousTo: "2026-11-29" },
    },
    {
      window: { kind: "daily" as const, from: "2026-03-01T08:00:00Z", to: "2026-03-02T08:00:00Z" },
      days: { from: "2026-03-01", to: "2026-03-01", previousFrom: "2026-02-28", previousTo: "2026-02-28" },
    },
  ])(
    "counts cost over the last complete UTC days before the $window.kind digest, and as many before those",
    ({ window, days }) => {
      expect(costDays({ kind: window.kind, from: new Date(window.from), to: new Date(window.to) })).toEqual(days);
    },
  );
});

import { describe, expect, it } from "vitest";
import { isTimeZone, nextDigestAt } from "./digest-schedule";

describe("nextDigestAt", () => {
  it("sends daily at the local hour, tomorrow once today's has passed", () => {
    const schedule = { period: "daily" as const, hour: 9, weekday: 1, timeZone: "Europe/Berlin" };
    // 07:30 UTC on 7 Dec 2026 is 08:30 in Berlin (UTC+1): today 09:00 local = 08:00 UTC.
    expect(nextDigestAt(schedule, new Date("2026-12-07T07:30:00Z")).toISOString()).toBe("2026-12-07T08:00:00.000Z");
    expect(nextDigestAt(schedule, new Date("2026-12-07T08:00:00Z")).toISOString()).toBe("2026-12-08T08:00:00.000Z");
  });

  it("sends weekly on the chosen weekday", () => {
    // Monday 9:00 in New York (UTC-5 in December). 7 Dec 2026 is a Monday.
    const schedule = { period: "weekly" as const, hour: 9, weekday: 1, timeZone: "America/New_York" };
    expect(nextDigestAt(schedule, new Date("2026-12-07T15:00:00Z")).toISOString()).toBe("2026-12-14T14:00:00.000Z");
    expect(nextDigestAt(schedule, new Date("2026-12-03T00:00:00Z")).toISOString()).toBe("2026-12-07T14:00:00.000Z");
  });

  it("follows daylight saving time", () => {
    const schedule = { period: "daily" as const, hour: 9, weekday: 0, timeZone: "Europe/Berlin" };
    // Summer time starts on 29 March 2026: 9:00 local is 08:00 UTC before, 07:00 UTC after.
    expect(nextDigestAt(schedule, new Date("2026-03-28T09:00:00Z")).toISOString()).toBe("2026-03-29T07:00:00.000Z");
    // A local hour skipped by the jump (02:00 on that day) moves to the next real instant.
    const skipped = nextDigestAt({ ...schedule, hour: 2 }, new Date("2026-03-28T12:00:00Z"));
    expect(skipped.toISOString()).toBe("2026-03-29T01:00:00.000Z");
  });

  it("treats an unknown zone as UTC", () => {
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    const at = nextDigestAt(
      { period: "daily", hour: 6, weekday: 0, timeZone: "Mars/Olympus" },
      new Date("2026-12-07T07:00:00Z"),
    );
    expect(at.toISOString()).toBe("2026-12-08T06:00:00.000Z");
  });
});

import { describe, expect, it } from "vitest";
import { formatDateTime, formatLastUsed } from "./format";

describe("formatLastUsed", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

  it("reads like a person would say it", () => {
    expect(formatLastUsed(null, now)).toBe("never");
    expect(formatLastUsed(ago(20), now)).toBe("just now");
    expect(formatLastUsed(ago(5 * 60), now)).toBe("5 min ago");
    expect(formatLastUsed(ago(3 * 3600 + 100), now)).toBe("3 h ago");
    expect(formatLastUsed(ago(86_400 + 5), now)).toBe("yesterday");
    expect(formatLastUsed(ago(4 * 86_400), now)).toBe("4 days ago");
    expect(formatLastUsed(ago(40 * 86_400), now)).toBe("Jan 29, 2026");
  });

  it("formats absolute times in UTC", () => {
    expect(formatDateTime("2026-03-10T09:05:00Z")).toBe("Mar 10, 2026, 9:05 AM UTC");
  });
});

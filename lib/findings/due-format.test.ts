import { describe, expect, it } from "vitest";
import { dueBasis, dueView } from "./due-format";

const now = new Date("2026-12-10T12:00:00Z");
const inDays = (n: number) => new Date(now.getTime() + n * 86_400_000);

describe("due dates in words", () => {
  it("says how far off an open finding's due date is, and how late an overdue one is", () => {
    expect(dueView({ due: inDays(5), overdue: false, state: "open" }, now)).toEqual({
      text: "in 5 days",
      tone: "due",
      at: inDays(5).toISOString(),
    });
    expect(dueView({ due: inDays(1), overdue: false, state: "open" }, now).text).toBe("tomorrow");
    expect(dueView({ due: inDays(0.2), overdue: false, state: "open" }, now).text).toBe("due today");
    expect(dueView({ due: inDays(-3), overdue: true, state: "open" }, now)).toMatchObject({
      text: "3 days overdue",
      tone: "overdue",
    });
    expect(dueView({ due: inDays(-1), overdue: true, state: "open" }, now).text).toBe("1 day overdue");
    expect(dueView({ due: inDays(-0.1), overdue: true, state: "open" }, now).text).toBe("overdue");
  });

  it("pauses while snoozed, and says why nothing is due", () => {
    expect(dueView({ due: inDays(2), overdue: false, state: "snoozed" }, now)).toMatchObject({
      text: "paused while snoozed",
      tone: "paused",
    });
    expect(dueView({ due: inDays(2), overdue: false, state: "snoozed" }, now, true).text).toBe("paused");
    expect(dueView({ due: null, overdue: false, state: "open" }, now)).toEqual({
      text: "no SLA",
      tone: "none",
      at: null,
    });
    expect(dueView({ due: inDays(-9), overdue: false, state: "resolved" }, now).text).toBe("not due while resolved");
    expect(dueView({ due: inDays(-9), overdue: false, state: "fixed" }, now).text).toBe("none: fixed");
    expect(dueView({ due: inDays(-9), overdue: false, state: "fixed" }, now, true).text).toBe("—");
    // A snooze that ran out and was not cleared yet: the finding needs work again, and it is late.
    expect(dueView({ due: inDays(-2), overdue: true, state: "snoozed" }, now).text).toBe("2 days overdue");
  });

  it("names whose days they are", () => {
    expect(dueBasis(7, false)).toBe("7-day SLA");
    expect(dueBasis(14, true)).toBe("14 days");
    expect(dueBasis(null, false)).toBeNull();
  });
});

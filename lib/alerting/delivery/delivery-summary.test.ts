import { describe, expect, it } from "vitest";
import { createDeliverySummary } from "./delivery-summary";

const step = (delivered: number, other: Partial<{ retried: number; failed: number; throttled: number }> = {}) => ({
  claimed: delivered + (other.retried ?? 0) + (other.failed ?? 0) + (other.throttled ?? 0),
  delivered,
  retried: other.retried ?? 0,
  failed: other.failed ?? 0,
  throttled: other.throttled ?? 0,
});

function setup() {
  let clock = 1_000_000;
  const lines: string[] = [];
  const summary = createDeliverySummary({ log: (l) => lines.push(l), intervalMs: 60_000, now: () => clock });
  return { summary, lines, advance: (ms: number) => (clock += ms) };
}

describe("createDeliverySummary", () => {
  it("turns a minute of one-second delivery steps into one line with the totals", () => {
    const { summary, lines, advance } = setup();
    for (let second = 0; second < 65; second++) {
      summary.record(step(1, second === 10 ? { retried: 2 } : {}));
      advance(1000);
      summary.tick();
    }
    expect(lines).toEqual(["events in the last 60 s: 60 delivered, 2 retried"]);
    summary.flush();
    expect(lines[1]).toBe("events in the last 5 s: 5 delivered");
  });

  it("prints nothing for minutes without a send, nor for throttling alone", () => {
    const { summary, lines, advance } = setup();
    advance(120_000);
    summary.tick();
    summary.record(step(0, { throttled: 3 }));
    advance(60_000);
    summary.tick();
    summary.flush();
    expect(lines).toEqual([]);
  });

  it("reports failures with the sends of the same interval", () => {
    const { summary, lines, advance } = setup();
    summary.record(step(2, { failed: 1, throttled: 4 }));
    advance(60_000);
    summary.tick();
    expect(lines).toEqual(["events in the last 60 s: 2 delivered, 1 failed, 4 throttled"]);
  });
});

import { describe, expect, it } from "vitest";
import { formatShare, prepareCategories, prepareSeverities } from "./prepare-breakdown";

describe("prepareSeverities", () => {
  it("keeps severities worst first with shares of the total, and drops an empty 'none'", () => {
    const { total, rows } = prepareSeverities({ critical: 15, high: 109, medium: 93, low: 167, none: 0 });
    expect(total).toBe(384);
    expect(rows.map((r) => [r.key, r.count, r.percent])).toEqual([
      ["critical", 15, "4%"],
      ["high", 109, "28%"],
      ["medium", 93, "24%"],
      ["low", 167, "43%"],
    ]);
    expect(rows[3].scale).toBe(1);
  });

  it("shows 'none' when something has it, and zero shares when nothing is open", () => {
    expect(prepareSeverities({ critical: 0, high: 0, medium: 0, low: 0, none: 2 }).rows.at(-1)).toMatchObject({
      key: "none",
      count: 2,
      percent: "100%",
    });
    const empty = prepareSeverities({ critical: 0, high: 0, medium: 0, low: 0, none: 0 });
    expect(empty.total).toBe(0);
    expect(empty.rows.every((r) => r.share === 0 && r.scale === 0)).toBe(true);
  });
});

describe("prepareCategories", () => {
  it("lists categories with findings, largest first, ties in the usual order", () => {
    const { rows } = prepareCategories({
      security: 281,
      reliability: 22,
      efficiency: 51,
      deprecation: 0,
      upgrade: 22,
      compliance: 10,
    });
    expect(rows.map((r) => r.key)).toEqual(["security", "efficiency", "reliability", "upgrade", "compliance"]);
    expect(rows[1].scale).toBeCloseTo(51 / 281);
  });
});

describe("formatShare", () => {
  it("never rounds something to 0%", () => {
    expect(formatShare(0.001)).toBe("<1%");
    expect(formatShare(0)).toBe("0%");
    expect(formatShare(0.286)).toBe("29%");
    expect(formatShare(0.995)).toBe("100%");
  });
});

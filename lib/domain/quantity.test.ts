import { describe, expect, it } from "vitest";
import { formatCpu, formatMemory, parseQuantity } from "./quantity";

describe("parseQuantity", () => {
  it("reads CPU as cores", () => {
    expect(parseQuantity("250m")).toBe(0.25);
    expect(parseQuantity("100m")).toBe(0.1);
    expect(parseQuantity("1")).toBe(1);
    expect(parseQuantity("1.5")).toBe(1.5);
    expect(parseQuantity("0")).toBe(0);
    expect(parseQuantity("2000000n")).toBeCloseTo(0.002, 12);
    expect(parseQuantity("500u")).toBeCloseTo(0.0005, 12);
  });

  it("reads memory as bytes, binary and decimal suffixes alike", () => {
    expect(parseQuantity("128Mi")).toBe(134_217_728);
    expect(parseQuantity("1Gi")).toBe(1_073_741_824);
    expect(parseQuantity("64Ki")).toBe(65_536);
    expect(parseQuantity("1.5Gi")).toBe(1_610_612_736);
    expect(parseQuantity("500M")).toBe(500_000_000);
    expect(parseQuantity("262144k")).toBe(262_144_000);
    expect(parseQuantity("1G")).toBe(1e9);
    expect(parseQuantity("2Ti")).toBe(2 * 1024 ** 4);
  });

  it("reads decimal exponents", () => {
    expect(parseQuantity("1e9")).toBe(1e9);
    expect(parseQuantity("1E3")).toBe(1000);
    expect(parseQuantity("12e-3")).toBe(0.012);
  });

  it("keeps signs and surrounding whitespace does not matter", () => {
    expect(parseQuantity("-100m")).toBe(-0.1);
    expect(parseQuantity(" 1Gi ")).toBe(1_073_741_824);
  });

  it("takes JSON numbers as they are", () => {
    expect(parseQuantity(4)).toBe(4);
    expect(parseQuantity(Number.NaN)).toBeNull();
  });

  it("answers null for anything that is not a quantity", () => {
    for (const bad of ["", "abc", "1.2.3", "10 Mi", "Mi", "1mi", "1KiB", "1e", null, undefined, {}, true]) {
      expect(parseQuantity(bad)).toBeNull();
    }
  });
});

describe("formatCpu / formatMemory", () => {
  it("prints cores the way kubectl users write them", () => {
    expect(formatCpu(0.25)).toBe("250m");
    expect(formatCpu(2)).toBe("2");
    expect(formatCpu(1.5)).toBe("1.5");
  });

  it("prints bytes with binary units", () => {
    expect(formatMemory(134_217_728)).toBe("128Mi");
    expect(formatMemory(1.5 * 1024 ** 3)).toBe("1.5Gi");
    expect(formatMemory(500)).toBe("500");
  });
});

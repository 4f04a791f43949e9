import { describe, expect, it } from "vitest";
import { DEFAULT_PRICES, capacityHourCost, estimateContainer, resolvePrices } from "./prices";

describe("estimateContainer", () => {
  it("prices 3 replicas of 500m / 1 GiB for a day at the defaults at about $1.443 (DESIGN.md's example)", () => {
    const e = estimateContainer(
      { cpuCoresRequested: 0.5, memoryGibRequested: 1, gpus: null, replicas: 3, hours: 24 },
      DEFAULT_PRICES,
    );
    expect(e.totalCost).toBeCloseTo(3 * 24 * (0.5 * 0.031611 + 1 * 0.004237), 12);
    expect(e.totalCost.toFixed(3)).toBe("1.443");
    expect(e.cpuCoreHoursRequested).toBe(36);
    expect(e.memoryGibHoursRequested).toBe(72);
    expect(e.cpuCoreHoursUsed).toBeNull();
  });

  it("charges max(request, usage) and costs efficiency only when usage is known", () => {
    const prices = { ...DEFAULT_PRICES, cpuHour: 1, memoryGibHour: 1 };
    const e = estimateContainer(
      {
        cpuCoresRequested: 1,
        memoryGibRequested: 2,
        gpus: 1,
        cpuCoresUsed: 1.5,
        memoryGibUsed: 1,
        replicas: 1,
        hours: 1,
      },
      prices,
    );
    expect(e.cpuCost).toBe(1.5);
    expect(e.memoryCost).toBe(2);
    expect(e.gpuCost).toBe(0.95);
    expect(e.usedCost).toBe(2.5);
    expect(e.requestedCost).toBe(3);
  });

  it("costs nothing for a container without requests or replicas", () => {
    const none = estimateContainer(
      { cpuCoresRequested: null, memoryGibRequested: null, gpus: null, replicas: 2, hours: 24 },
      DEFAULT_PRICES,
    );
    expect(none.totalCost).toBe(0);
    const scaledDown = estimateContainer(
      { cpuCoresRequested: 1, memoryGibRequested: 1, gpus: null, replicas: 0, hours: 24 },
      DEFAULT_PRICES,
    );
    expect(scaledDown.totalCost).toBe(0);
  });
});

describe("resolvePrices", () => {
  it("takes the cluster's price, else the org's, else the default", () => {
    const p = resolvePrices(
      { cpuHourPrice: 0.05, memoryGibHourPrice: null, gpuHourPrice: 2, storageGibHourPrice: null },
      {
        cpuHourPrice: 0.04,
        memoryGibHourPrice: null,
        gpuHourPrice: null,
        storageGibHourPrice: null,
        nodeHourPrice: null,
      },
    );
    expect(p).toEqual({
      cpuHour: 0.04,
      memoryGibHour: DEFAULT_PRICES.memoryGibHour,
      gpuHour: 2,
      storageGibHour: DEFAULT_PRICES.storageGibHour,
    });
  });

  it("splits a node's hourly cost half CPU, half memory over an average node", () => {
    const p = resolvePrices(
      null,
      {
        cpuHourPrice: null,
        memoryGibHourPrice: null,
        gpuHourPrice: null,
        storageGibHourPrice: null,
        nodeHourPrice: 0.4,
      },
      { cpuCores: 4, memoryGib: 16 },
    );
    expect(p.cpuHour).toBeCloseTo(0.05, 12);
    expect(p.memoryGibHour).toBeCloseTo(0.0125, 12);
    // A node then costs exactly its hourly price.
    expect(capacityHourCost({ cpuCores: 4, memoryGib: 16, gpus: 0 }, p)).toBeCloseTo(0.4, 12);
  });
});

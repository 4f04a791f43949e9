import type { TCostAmounts } from "@/lib/ingest/parsers/opencost";

// Unit prices. The defaults are OpenCost's list prices (opencost/opencost configs/default.json),
// which Fairwinds also uses when a cluster has no cloud bill: they are what a figure is worth
// before anyone sets their own.

export type TUnitPrices = {
  /** Per vCPU-hour. */
  cpuHour: number;
  /** Per GiB-hour of memory. */
  memoryGibHour: number;
  /** Per GPU-hour. */
  gpuHour: number;
  /** Per GiB-hour of persistent storage. */
  storageGibHour: number;
};

export const DEFAULT_PRICES: Readonly<TUnitPrices> = {
  cpuHour: 0.031611,
  memoryGibHour: 0.004237,
  gpuHour: 0.95,
  storageGibHour: 0.00005479452,
};

/** OpenCost's spot list prices, documented beside the defaults (not applied automatically). */
export const DEFAULT_SPOT_PRICES = { cpuHour: 0.006655, memoryGibHour: 0.000892 } as const;

export const DEFAULT_CURRENCY = "USD";

export type TPriceOverrides = {
  cpuHourPrice: number | null;
  memoryGibHourPrice: number | null;
  gpuHourPrice: number | null;
  storageGibHourPrice: number | null;
};

export type TClusterPriceOverrides = TPriceOverrides & { nodeHourPrice: number | null };

/** Node capacity summed over a cluster's nodes, for the node-cost split. */
export type TCapacity = { cpuCores: number; memoryGib: number };

/**
 * The prices that apply to a cluster: its own, else the org's, else the defaults. With a node
 * hourly cost (Fairwinds' method) half of it pays for the CPU and half for the memory of an
 * average node: cpu = node/2 ÷ cores per node, memory = node/2 ÷ GiB per node.
 */
export function resolvePrices(
  org: TPriceOverrides | null,
  cluster: TClusterPriceOverrides | null,
  perNode?: TCapacity,
): TUnitPrices {
  const pick = (key: keyof TPriceOverrides, fallback: number) => cluster?.[key] ?? org?.[key] ?? fallback;
  const prices: TUnitPrices = {
    cpuHour: pick("cpuHourPrice", DEFAULT_PRICES.cpuHour),
    memoryGibHour: pick("memoryGibHourPrice", DEFAULT_PRICES.memoryGibHour),
    gpuHour: pick("gpuHourPrice", DEFAULT_PRICES.gpuHour),
    storageGibHour: pick("storageGibHourPrice", DEFAULT_PRICES.storageGibHour),
  };
  const node = cluster?.nodeHourPrice;
  if (node != null && perNode && perNode.cpuCores > 0 && perNode.memoryGib > 0) {
    prices.cpuHour = node / 2 / perNode.cpuCores;
    prices.memoryGibHour = node / 2 / perNode.memoryGib;
  }
  return prices;
}

export type TEstimateInput = {
  /** Requested per replica (null: not set). */
  cpuCoresRequested: number | null;
  memoryGibRequested: number | null;
  gpus: number | null;
  /** Average use per replica when metrics are known, else null. */
  cpuCoresUsed?: number | null;
  memoryGibUsed?: number | null;
  replicas: number;
  hours: number;
};

/** An estimate has no storage, network or shared cost: the inventory does not say. */
export type TEstimate = Omit<TCostAmounts, "storageCost" | "networkCost" | "sharedCost">;

/**
 * The estimate for one container: max(request, usage when known) × unit price × hours, per
 * replica (OpenCost's and Fairwinds' allocation rule). 3 replicas of 500m / 1 GiB for 24 h at the
 * defaults: 3 × 24 × (0.5 × 0.031611 + 1 × 0.004237) ≈ 1.443.
 */
export function estimateContainer(input: TEstimateInput, prices: TUnitPrices): TEstimate {
  const n = Math.max(0, input.replicas) * Math.max(0, input.hours);
  const cpuReq = input.cpuCoresRequested ?? 0;
  const memReq = input.memoryGibRequested ?? 0;
  const cpuUsed = input.cpuCoresUsed ?? null;
  const memUsed = input.memoryGibUsed ?? null;
  const cpuAllocated = Math.max(cpuReq, cpuUsed ?? 0);
  const memAllocated = Math.max(memReq, memUsed ?? 0);
  const cpuCost = n * cpuAllocated * prices.cpuHour;
  const memoryCost = n * memAllocated * prices.memoryGibHour;
  const gpuHours = n * (input.gpus ?? 0);
  const gpuCost = gpuHours * prices.gpuHour;
  const usageKnown = cpuUsed !== null && memUsed !== null;
  return {
    cpuCoreHoursRequested: n * cpuReq,
    cpuCoreHoursUsed: cpuUsed === null ? null : n * cpuUsed,
    memoryGibHoursRequested: n * memReq,
    memoryGibHoursUsed: memUsed === null ? null : n * memUsed,
    gpuHours,
    cpuCost,
    memoryCost,
    gpuCost,
    totalCost: cpuCost + memoryCost + gpuCost,
    usedCost: usageKnown ? n * (cpuUsed * prices.cpuHour + memUsed * prices.memoryGibHour) : 0,
    requestedCost: usageKnown ? n * (cpuReq * prices.cpuHour + memReq * prices.memoryGibHour) : 0,
  };
}

/** Hourly cost of node capacity at the given prices. */
export function capacityHourCost(capacity: TCapacity & { gpus: number }, prices: TUnitPrices): number {
  return (
    capacity.cpuCores * prices.cpuHour + capacity.memoryGib * prices.memoryGibHour + capacity.gpus * prices.gpuHour
  );
}

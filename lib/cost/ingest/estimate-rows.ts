import type { TWorkloadsInventory } from "@/lib/ingest/parsers/workloads";
import { capacityHourCost, estimateContainer, type TUnitPrices } from "../prices";
import { IDLE_NAME } from "../types";
import type { TCostRowInput } from "./write-rows";

// Pure: the estimate rows of one workloads inventory over a window of time, split by UTC day.

const GIB = 2 ** 30;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Hours of [start, end) in each UTC day it touches. */
export function hoursByDay(start: Date, end: Date): Map<string, number> {
  const out = new Map<string, number>();
  for (let d = Math.floor(start.getTime() / DAY_MS) * DAY_MS; d < end.getTime(); d += DAY_MS) {
    const overlap = Math.min(end.getTime(), d + DAY_MS) - Math.max(start.getTime(), d);
    if (overlap > 0) out.set(new Date(d).toISOString().slice(0, 10), overlap / HOUR_MS);
  }
  return out;
}

/** Node capacity of the inventory (control-plane nodes included: they are paid for too). */
export function clusterCapacity(inventory: TWorkloadsInventory) {
  let cpuCores = 0;
  let memoryGib = 0;
  let gpus = 0;
  for (const n of inventory.nodes) {
    cpuCores += n.capacity.cpuCores;
    memoryGib += n.capacity.memoryBytes / GIB;
    gpus += n.capacity.gpus;
  }
  return { cpuCores, memoryGib, gpus, nodes: inventory.nodes.length };
}

/**
 * Per container and day: max(request, usage when known) × unit price × replicas × hours; plus
 * one idle row per day: node capacity cost − what the containers were allocated (never below 0).
 */
export function estimateRows(
  inventory: TWorkloadsInventory,
  prices: TUnitPrices,
  window: { start: Date; end: Date },
): TCostRowInput[] {
  const rows: TCostRowInput[] = [];
  const capacity = clusterCapacity(inventory);
  for (const [day, hours] of hoursByDay(window.start, window.end)) {
    let allocated = 0;
    for (const w of inventory.workloads) {
      for (const c of w.containers) {
        const e = estimateContainer(
          {
            cpuCoresRequested: c.requests.cpuCores,
            memoryGibRequested: c.requests.memoryBytes === null ? null : c.requests.memoryBytes / GIB,
            gpus: c.requests.gpus ?? c.limits.gpus,
            replicas: w.replicas,
            hours,
          },
          prices,
        );
        allocated += e.totalCost;
        rows.push({
          day,
          namespace: w.namespace,
          kind: w.kind,
          workload: w.name,
          container: c.name,
          allocation: "workload",
          labels: { ...w.podLabels, ...w.labels },
          cpuCoreHoursRequested: e.cpuCoreHoursRequested,
          cpuCoreHoursUsed: e.cpuCoreHoursUsed,
          memoryGibHoursRequested: e.memoryGibHoursRequested,
          memoryGibHoursUsed: e.memoryGibHoursUsed,
          gpuHours: e.gpuHours,
          cpuCost: e.cpuCost,
          memoryCost: e.memoryCost,
          gpuCost: e.gpuCost,
          storageCost: 0,
          networkCost: 0,
          sharedCost: 0,
          totalCost: e.totalCost,
          usedCost: e.usedCost,
          requestedCost: e.requestedCost,
        });
      }
    }
    if (capacity.nodes > 0) {
      const idle = Math.max(0, capacityHourCost(capacity, prices) * hours - allocated);
      rows.push({
        day,
        namespace: IDLE_NAME,
        kind: "",
        workload: IDLE_NAME,
        container: "",
        allocation: "idle",
        labels: {},
        cpuCoreHoursRequested: 0,
        cpuCoreHoursUsed: null,
        memoryGibHoursRequested: 0,
        memoryGibHoursUsed: null,
        gpuHours: 0,
        cpuCost: 0,
        memoryCost: 0,
        gpuCost: 0,
        storageCost: 0,
        networkCost: 0,
        sharedCost: 0,
        totalCost: idle,
        usedCost: 0,
        requestedCost: 0,
      });
    }
  }
  return rows;
}

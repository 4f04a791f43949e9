import { pool } from "@/lib/server/db";
import { storeReport } from "@/lib/ingest/store-report";
import { processReport } from "@/lib/worker/process-report";

// Test helpers: reports go through the real store + process path, as the agent's uploads do.

export async function uploadReport(orgId: string, clusterId: string, type: string, body: unknown, receivedAt?: Date) {
  const stored = await storeReport({
    orgId,
    clusterId,
    type,
    body: Buffer.from(typeof body === "string" ? body : JSON.stringify(body)),
    headers: new Headers(),
  });
  if (receivedAt) await pool.query(`UPDATE reports SET received_at = $2 WHERE id = $1`, [stored.reportId, receivedAt]);
  const outcome = stored.duplicate ? undefined : await processReport(stored.reportId);
  if (outcome?.status === "failed") throw new Error(`report failed: ${outcome.error}`);
  return outcome;
}

/** One OpenCost allocation, shaped like the fixture's, with the given costs over [start, end). */
export function allocation(
  name: string,
  props: {
    namespace?: string;
    controller?: string;
    controllerKind?: string;
    container?: string;
    labels?: Record<string, string>;
  },
  window: { start: string; end: string },
  costs: {
    cpu?: number;
    ram?: number;
    pv?: number;
    total?: number;
    cpuReq?: number;
    cpuUse?: number;
    ramReq?: number;
    ramUse?: number;
  },
) {
  const hours = (Date.parse(window.end) - Date.parse(window.start)) / 3_600_000;
  const cpu = costs.cpu ?? 0;
  const ram = costs.ram ?? 0;
  const pv = costs.pv ?? 0;
  return {
    name,
    properties: { cluster: "test", ...props },
    window,
    start: window.start,
    end: window.end,
    minutes: hours * 60,
    cpuCoreRequestAverage: costs.cpuReq ?? 0.5,
    cpuCoreUsageAverage: costs.cpuUse ?? 0.25,
    cpuCoreHours: (costs.cpuReq ?? 0.5) * hours,
    cpuCost: cpu,
    cpuCostAdjustment: 0,
    gpuHours: 0,
    gpuCost: 0,
    gpuCostAdjustment: 0,
    networkCost: 0,
    networkCostAdjustment: 0,
    loadBalancerCost: 0,
    loadBalancerCostAdjustment: 0,
    pvCost: pv,
    pvCostAdjustment: 0,
    ramByteRequestAverage: costs.ramReq ?? 2 ** 30,
    ramByteUsageAverage: costs.ramUse ?? 2 ** 29,
    ramByteHours: (costs.ramReq ?? 2 ** 30) * hours,
    ramCost: ram,
    ramCostAdjustment: 0,
    sharedCost: 0,
    externalCost: 0,
    totalCost: costs.total ?? cpu + ram + pv,
  };
}

/** A Deployment's allocation keyed "<namespace>/<name>" as OpenCost keys it: spread into a report's data entry. */
export function deploymentAllocation(
  namespace: string,
  name: string,
  window: { start: string; end: string },
  costs: Parameters<typeof allocation>[3],
  labels?: Record<string, string>,
) {
  const key = `${namespace}/${name}`;
  const props = { namespace, controller: name, controllerKind: "deployment", ...(labels ? { labels } : {}) };
  return { [key]: allocation(key, props, window, costs) };
}

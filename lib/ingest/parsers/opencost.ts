import { z } from "zod";
import { goStringMap } from "./go-json";
import { formatReportPath, parseReportShape } from "./report-shape";
import { ReportShapeError } from "./types";

// OpenCost's allocation API response (GET /allocation, opencost/opencost pkg/kubecost
// Allocation's JSON): `{ code, data: [ { "<name>": Allocation }, … ] }`, one map per step of the
// window. An allocation's costs and hours are cumulative over its own [start, end); we split them
// over the UTC days they overlap, in proportion to the time in each day. Names `__idle__` and
// `__unallocated__` (alone or as the last segment of an aggregated name) stay rows of their own.

const num = z
  .number()
  .nullish()
  .transform((v) => (v !== null && v !== undefined && Number.isFinite(v) ? v : 0));

const ZAllocation = z.object({
  name: z.string().nullish(),
  properties: z
    .object({
      cluster: z.string().nullish(),
      node: z.string().nullish(),
      namespace: z.string().nullish(),
      controller: z.string().nullish(),
      controllerKind: z.string().nullish(),
      pod: z.string().nullish(),
      container: z.string().nullish(),
      labels: goStringMap(),
      namespaceLabels: goStringMap(),
    })
    .nullish(),
  start: z.string(),
  end: z.string(),
  cpuCoreRequestAverage: num,
  cpuCoreUsageAverage: z.number().nullish(),
  cpuCoreHours: num,
  cpuCost: num,
  cpuCostAdjustment: num,
  gpuHours: num,
  gpuCost: num,
  gpuCostAdjustment: num,
  networkCost: num,
  networkCostAdjustment: num,
  loadBalancerCost: num,
  loadBalancerCostAdjustment: num,
  pvCost: num,
  pvCostAdjustment: num,
  ramByteRequestAverage: num,
  ramByteUsageAverage: z.number().nullish(),
  ramByteHours: num,
  ramCost: num,
  ramCostAdjustment: num,
  sharedCost: num,
  externalCost: num,
  totalCost: num,
});

const ZResponse = z.object({
  code: z.number().nullish(),
  data: z.array(z.record(z.string(), ZAllocation.nullable()).nullable()).nullable(),
});

export type TOpenCostAllocationKind = "workload" | "idle" | "unallocated";

/** What a cost row measures: resource-hours (usage null when unknown) and their cost. */
export type TCostAmounts = {
  cpuCoreHoursRequested: number;
  cpuCoreHoursUsed: number | null;
  memoryGibHoursRequested: number;
  memoryGibHoursUsed: number | null;
  gpuHours: number;
  cpuCost: number;
  memoryCost: number;
  gpuCost: number;
  storageCost: number;
  networkCost: number;
  sharedCost: number;
  totalCost: number;
  /** Efficiency terms (0 when usage is unknown): cost of what was used / of what was requested. */
  usedCost: number;
  requestedCost: number;
};

/** One allocation's share of one UTC day. */
export type TOpenCostDayRow = TCostAmounts & {
  day: string;
  allocation: TOpenCostAllocationKind;
  cluster: string;
  namespace: string;
  /** Kubernetes kind (Deployment…), "Pod" for bare pods, "Namespace" for namespace-level rows, "" for idle/unallocated. */
  kind: string;
  workload: string;
  container: string;
  labels: Record<string, string>;
  /** Minutes of the day this row covers. */
  minutes: number;
};

export type TOpenCostReport = { rows: TOpenCostDayRow[]; allocations: number };

const DAY_MS = 86_400_000;
const GIB = 2 ** 30;

// OpenCost writes controller kinds in lower case; resources use the Kubernetes spelling.
const KINDS: Record<string, string> = {
  deployment: "Deployment",
  statefulset: "StatefulSet",
  daemonset: "DaemonSet",
  replicaset: "ReplicaSet",
  replicationcontroller: "ReplicationController",
  job: "Job",
  cronjob: "CronJob",
  rollout: "Rollout",
  deploymentconfig: "DeploymentConfig",
};

export const kindOf = (controllerKind: string) => KINDS[controllerKind.toLowerCase()] ?? controllerKind;

function specialName(name: string): "idle" | "unallocated" | null {
  const last = name.split("/").pop() ?? name;
  if (last === "__idle__") return "idle";
  if (last === "__unallocated__") return "unallocated";
  return null;
}

type TAllocation = z.output<typeof ZAllocation>;

function identity(name: string, a: TAllocation) {
  const p = a.properties ?? { labels: {}, namespaceLabels: {} };
  const special = specialName(name);
  const cluster = p.cluster ?? "";
  if (special === "idle")
    return {
      allocation: "idle" as const,
      cluster,
      namespace: "__idle__",
      kind: "",
      workload: "__idle__",
      container: "",
    };
  const namespace = p.namespace ?? "";
  if (special === "unallocated" || !namespace) {
    return {
      allocation: "unallocated" as const,
      cluster,
      namespace: namespace || "__unallocated__",
      kind: "",
      workload: "__unallocated__",
      container: "",
    };
  }
  const container = p.container ?? "";
  if (p.controller)
    return {
      allocation: "workload" as const,
      cluster,
      namespace,
      kind: kindOf(p.controllerKind ?? ""),
      workload: p.controller,
      container,
    };
  if (p.pod) return { allocation: "workload" as const, cluster, namespace, kind: "Pod", workload: p.pod, container };
  return { allocation: "workload" as const, cluster, namespace, kind: "Namespace", workload: namespace, container };
}

function time(value: string, path: PropertyKey[]): number {
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new ReportShapeError(formatReportPath(path), "not an RFC 3339 time");
  return t;
}

/** The allocation split over the UTC days its window overlaps. */
function splitByDay(name: string, a: TAllocation, path: PropertyKey[]): TOpenCostDayRow[] {
  const start = time(a.start, [...path, "start"]);
  const end = time(a.end, [...path, "end"]);
  if (end <= start) return [];
  const id = identity(name, a);
  const labels = { ...(a.properties?.namespaceLabels ?? {}), ...(a.properties?.labels ?? {}) };
  const hours = (end - start) / 3_600_000;
  // Prices implied by the allocation, to cost what was used and what was requested (efficiency).
  const cpuPrice = a.cpuCoreHours > 0 ? (a.cpuCost + a.cpuCostAdjustment) / a.cpuCoreHours : 0;
  const ramGibHours = a.ramByteHours / GIB;
  const ramPrice = ramGibHours > 0 ? (a.ramCost + a.ramCostAdjustment) / ramGibHours : 0;
  const usageKnown = a.cpuCoreUsageAverage != null && a.ramByteUsageAverage != null && id.allocation === "workload";
  const rows: TOpenCostDayRow[] = [];
  for (let dayStart = Math.floor(start / DAY_MS) * DAY_MS; dayStart < end; dayStart += DAY_MS) {
    const overlap = Math.min(end, dayStart + DAY_MS) - Math.max(start, dayStart);
    if (overlap <= 0) continue;
    const f = overlap / (end - start);
    const h = hours * f;
    const cpuReq = a.cpuCoreRequestAverage * h;
    const cpuUsed = a.cpuCoreUsageAverage != null ? a.cpuCoreUsageAverage * h : null;
    const memReq = (a.ramByteRequestAverage / GIB) * h;
    const memUsed = a.ramByteUsageAverage != null ? (a.ramByteUsageAverage / GIB) * h : null;
    rows.push({
      day: new Date(dayStart).toISOString().slice(0, 10),
      ...id,
      labels,
      minutes: overlap / 60_000,
      cpuCoreHoursRequested: cpuReq,
      cpuCoreHoursUsed: cpuUsed,
      memoryGibHoursRequested: memReq,
      memoryGibHoursUsed: memUsed,
      gpuHours: a.gpuHours * f,
      cpuCost: (a.cpuCost + a.cpuCostAdjustment) * f,
      memoryCost: (a.ramCost + a.ramCostAdjustment) * f,
      gpuCost: (a.gpuCost + a.gpuCostAdjustment) * f,
      storageCost: (a.pvCost + a.pvCostAdjustment) * f,
      networkCost: (a.networkCost + a.networkCostAdjustment + a.loadBalancerCost + a.loadBalancerCostAdjustment) * f,
      // External (out-of-cluster) costs OpenCost attributes are shown with shared costs.
      sharedCost: (a.sharedCost + a.externalCost) * f,
      totalCost: a.totalCost * f,
      usedCost: usageKnown ? cpuPrice * (cpuUsed ?? 0) + ramPrice * (memUsed ?? 0) : 0,
      requestedCost: usageKnown ? cpuPrice * cpuReq + ramPrice * memReq : 0,
    });
  }
  return rows;
}

/** Parses an allocation response into rows per allocation and UTC day; throws ReportShapeError (422) when it does not fit. */
export function parseOpenCost(report: unknown): TOpenCostReport {
  const parsed = parseReportShape(ZResponse, report);
  if (parsed.code != null && parsed.code !== 200) {
    throw new ReportShapeError("code", `OpenCost answered ${parsed.code}, not 200: the upload has no allocations`);
  }
  const rows: TOpenCostDayRow[] = [];
  let allocations = 0;
  (parsed.data ?? []).forEach((set, i) => {
    for (const [key, allocation] of Object.entries(set ?? {})) {
      if (!allocation) continue;
      allocations++;
      rows.push(...splitByDay(allocation.name ?? key, allocation, ["data", i, key]));
    }
  });
  return { rows, allocations };
}

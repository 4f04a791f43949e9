import { parseQuantity } from "@/lib/domain/quantity";
import { containerAt, replicasIn, type TDemoCluster, type TDemoNode } from "./inventory";
import type { TDemoReport } from "./reports";

// Two months of cost for each demo cluster (so a 30-day view has a whole previous period to
// compare with), as the agents would upload it: OpenCost allocation API
// answers (`window=7d&step=1d&aggregate=controller`, one set per UTC day, the shape of
// shared/fixtures/opencost/allocation-example-output.json) and, for the production cluster, the
// cloud-costs plugin's FOCUS rows for its AWS bill. Priced like OpenCost on AWS: an m6i node's
// on-demand price split half CPU, half memory. Deterministic for a given `now`.

export const COST_DAYS = 60;
const DAY_MS = 86_400_000;
const GIB = 2 ** 30;

const NODE_HOUR: Record<string, number> = { "m6i.xlarge": 0.192, "m6i.2xlarge": 0.384 };

const dayStart = (t: number) => Math.floor(t / DAY_MS) * DAY_MS;
const iso = (t: number) => new Date(t).toISOString().replace(".000Z", "Z");

/** A small deterministic wobble per (day, name), so the charts are not flat lines. */
function wobble(day: number, name: string): number {
  let h = day;
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) % 1_000_003;
  const weekday = new Date(day * DAY_MS).getUTCDay();
  const weekend = weekday === 0 || weekday === 6 ? 0.85 : 1;
  return weekend * (0.92 + ((h % 1000) / 1000) * 0.16);
}

function nodesOn(cluster: TDemoCluster, daysAgo: number): TDemoNode[] {
  return cluster.nodes.filter((n) => n.createdDaysAgo > daysAgo && (n.removedDaysAgo ?? -1) < daysAgo);
}

/** Prices per core-hour and GiB-hour for the cluster: node price split half CPU, half memory. */
function pricesOf(cluster: TDemoCluster) {
  const node = cluster.nodes[0];
  const hour = NODE_HOUR[node.instanceType] ?? 0.192;
  const cores = parseQuantity(node.capacity.cpu) ?? 4;
  const gib = (parseQuantity(node.capacity.memory) ?? 16 * GIB) / GIB;
  return { cpu: hour / 2 / cores, ram: hour / 2 / gib };
}

type TAllocation = Record<string, unknown>;

function allocationOf(
  name: string,
  properties: Record<string, unknown>,
  start: number,
  end: number,
  v: {
    cpuReq: number;
    cpuUse: number;
    ramReq: number;
    ramUse: number;
    cpuCost: number;
    ramCost: number;
    pvCost: number;
    networkCost: number;
  },
): TAllocation {
  const hours = (end - start) / 3_600_000;
  const total = v.cpuCost + v.ramCost + v.pvCost + v.networkCost;
  return {
    name,
    properties,
    window: { start: iso(start), end: iso(end) },
    start: iso(start),
    end: iso(end),
    minutes: hours * 60,
    cpuCores: Math.max(v.cpuReq, v.cpuUse),
    cpuCoreRequestAverage: v.cpuReq,
    cpuCoreUsageAverage: v.cpuUse,
    cpuCoreHours: Math.max(v.cpuReq, v.cpuUse) * hours,
    cpuCost: v.cpuCost,
    cpuCostAdjustment: 0,
    cpuEfficiency: v.cpuReq > 0 ? v.cpuUse / v.cpuReq : 0,
    gpuCount: 0,
    gpuHours: 0,
    gpuCost: 0,
    gpuCostAdjustment: 0,
    networkTransferBytes: 0,
    networkReceiveBytes: 0,
    networkCost: v.networkCost,
    networkCrossZoneCost: 0,
    networkCrossRegionCost: 0,
    networkInternetCost: 0,
    networkCostAdjustment: 0,
    loadBalancerCost: 0,
    loadBalancerCostAdjustment: 0,
    pvBytes: 0,
    pvByteHours: 0,
    pvCost: v.pvCost,
    pvs: null,
    pvCostAdjustment: 0,
    ramBytes: Math.max(v.ramReq, v.ramUse),
    ramByteRequestAverage: v.ramReq,
    ramByteUsageAverage: v.ramUse,
    ramByteHours: Math.max(v.ramReq, v.ramUse) * hours,
    ramCost: v.ramCost,
    ramCostAdjustment: 0,
    ramEfficiency: v.ramReq > 0 ? v.ramUse / v.ramReq : 0,
    externalCost: 0,
    sharedCost: 0,
    totalCost: total,
    totalEfficiency: 0,
    proportionalAssetResourceCosts: {},
    lbAllocations: null,
    sharedCostBreakdown: {},
  };
}

/** One UTC day of allocations: every running workload, __idle__ (node cost − allocated). */
function daySet(cluster: TDemoCluster, start: number, end: number, now: number): Record<string, TAllocation> {
  const prices = pricesOf(cluster);
  const hours = (end - start) / 3_600_000;
  const daysAgo = Math.floor((dayStart(now) - start) / DAY_MS);
  const dayIndex = start / DAY_MS;
  const set: Record<string, TAllocation> = {};
  let allocated = 0;
  for (const w of cluster.workloads) {
    const replicas = w.kind === "DaemonSet" ? nodesOn(cluster, daysAgo).length : replicasIn(cluster, w, "current");
    // CronJobs run about an hour a night.
    const share = w.kind === "CronJob" ? 1 / 24 : 1;
    const pods = w.kind === "CronJob" ? 1 : replicas;
    if (pods === 0) continue;
    let cpuReq = 0;
    let ramReq = 0;
    let cpuUse = 0;
    let ramUse = 0;
    for (const c of w.containers) {
      const now = containerAt(cluster, w, c, "current");
      const req = [parseQuantity(now.requests[0]) ?? 0, parseQuantity(now.requests[1]) ?? 0];
      const target = c.vpaTarget ? [parseQuantity(c.vpaTarget[0]) ?? 0, parseQuantity(c.vpaTarget[1]) ?? 0] : null;
      cpuReq += req[0] * pods * share;
      ramReq += req[1] * pods * share;
      // Without a VPA target a container uses a little under what it asks for (or 100m/128Mi when it asks nothing).
      cpuUse += (target ? target[0] : req[0] * 0.7 || 0.1) * pods * share;
      ramUse += (target ? target[1] : req[1] * 0.8 || 128 * 2 ** 20) * pods * share;
    }
    const f = wobble(dayIndex, `${w.namespace}/${w.name}`);
    // The storefront has been growing for the last week: a top mover.
    const growth = w.name === "storefront" && daysAgo < 7 ? 1 + (7 - daysAgo) * 0.06 : 1;
    cpuUse *= f * growth;
    ramUse *= f;
    const cpuAlloc = Math.max(cpuReq * growth, cpuUse);
    const ramAlloc = Math.max(ramReq, ramUse);
    const cpuCost = cpuAlloc * hours * prices.cpu;
    const ramCost = (ramAlloc / GIB) * hours * prices.ram;
    // Persistent volumes: gp3 at $0.08 per GiB-month, 100 GiB per StatefulSet pod.
    const pvCost = w.kind === "StatefulSet" ? (pods * 100 * 0.08 * hours) / 730 : 0;
    const networkCost = w.kind === "Deployment" ? cpuCost * 0.03 * f : 0;
    allocated += cpuCost + ramCost;
    set[`${w.namespace}/${w.name}`] = allocationOf(
      `${w.namespace}/${w.name}`,
      {
        cluster: cluster.slug,
        namespace: w.namespace,
        controller: w.name,
        controllerKind: w.kind.toLowerCase(),
        // OpenCost reports label names sanitized for Prometheus.
        labels: Object.fromEntries(Object.entries(w.labels).map(([k, v]) => [k.replace(/[./-]/g, "_"), v])),
        namespaceLabels: { kubernetes_io_metadata_name: w.namespace },
      },
      start,
      end,
      { cpuReq: cpuReq * growth, cpuUse, ramReq, ramUse, cpuCost, ramCost, pvCost, networkCost },
    );
  }
  const nodeCost = nodesOn(cluster, daysAgo).reduce((s, n) => s + (NODE_HOUR[n.instanceType] ?? 0.192) * hours, 0);
  set.__idle__ = allocationOf("__idle__", { cluster: cluster.slug }, start, end, {
    cpuReq: 0,
    cpuUse: 0,
    ramReq: 0,
    ramUse: 0,
    cpuCost: Math.max(0, nodeCost - allocated) / 2,
    ramCost: Math.max(0, nodeCost - allocated) / 2,
    pvCost: 0,
    networkCost: 0,
  });
  return set;
}

/** The cluster's node bill per day as FOCUS rows (EC2, EBS, CloudWatch), a little above the in-cluster figure. */
function bill(cluster: TDemoCluster, days: number[], now: number) {
  return days.flatMap((start) => {
    const daysAgo = Math.floor((dayStart(now) - start) / DAY_MS);
    const ec2 = nodesOn(cluster, daysAgo).reduce((s, n) => s + (NODE_HOUR[n.instanceType] ?? 0.192) * 24, 0);
    const volumes = cluster.workloads
      .filter((w) => w.kind === "StatefulSet")
      .reduce((s, w) => s + (w.replicas * 100 * 0.08 * 24) / 730, 0);
    const row = (service: string, cost: number) => ({
      ServiceName: service,
      ServiceCategory: "Compute",
      ChargeCategory: "Usage",
      ChargePeriodStart: iso(start),
      ChargePeriodEnd: iso(start + DAY_MS - 1000),
      BilledCost: Number(cost.toFixed(6)),
      EffectiveCost: Number(cost.toFixed(6)),
      BillingCurrency: "USD",
      BillingAccountId: "123456789012",
      SubAccountId: "123456789012",
      ProviderName: "AWS",
      Tags: { "kubernetes.io/cluster": cluster.slug },
    });
    return [
      row("Amazon Elastic Compute Cloud", ec2),
      row("Amazon Elastic Block Store", volumes * 1.1 + 1.2),
      row("AmazonCloudWatch", 0.9),
    ];
  });
}

/**
 * The cost reports of a cluster for the last COST_DAYS days up to `now`: OpenCost answers of up
 * to 7 whole days each (the last one ends at `now`, so today is partly covered), then the bill
 * of the complete days for the production cluster.
 */
export function demoCostReports(cluster: TDemoCluster, now: Date): TDemoReport[] {
  const today = dayStart(now.getTime());
  const days = Array.from({ length: COST_DAYS }, (_, i) => today - (COST_DAYS - i) * DAY_MS);
  const reports: TDemoReport[] = [];
  for (let i = 0; i < days.length; i += 7) {
    const chunk = days.slice(i, i + 7);
    const data = chunk.map((start) => daySet(cluster, start, start + DAY_MS, now.getTime()));
    if (i + 7 >= days.length && now.getTime() > today) data.push(daySet(cluster, today, now.getTime(), now.getTime()));
    reports.push({
      type: "opencost",
      body: Buffer.from(JSON.stringify({ code: 200, status: "success", data })),
      reportVersion: null,
    });
  }
  if (cluster.slug === "prod-us-east") {
    reports.push({
      type: "cloudcosts",
      body: Buffer.from(JSON.stringify(bill(cluster, days, now.getTime()))),
      reportVersion: "1.6.0",
    });
  }
  return reports;
}

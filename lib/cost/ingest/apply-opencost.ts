import "server-only";
import type { PoolClient } from "pg";
import type { TOpenCostReport } from "@/lib/ingest/parsers/opencost";
import type { TReportContext } from "@/lib/ingest/process/apply-findings";
import { ensureResources } from "@/lib/ingest/process/resources";
import { evaluateBudgetsForDays } from "../budgets/evaluate-budgets";
import { reconcileCostDays } from "./reconcile";
import { rebuildCostRollups } from "./rollup";
import { addCostRows, type TCostRowInput } from "./write-rows";

export type TCostIngestSummary = {
  rows: number;
  days: number;
  replacedDays: number;
  reconciledDays: number;
  budgetAlerts: number;
};

// A day the report covers completely replaces what the cluster had for it (a later report of
// the same day is the better one, and estimates give way to OpenCost); a day it covers in part
// is added to, so hourly windows accumulate. Windows aligned to UTC days or hours therefore sum
// exactly; see docs/cost.md.
const FULL_DAY_MINUTES = 24 * 60 - 1;

/** Applies an OpenCost allocation report: cost rows per workload and day, idle and unallocated kept. */
export async function applyOpenCost(
  client: PoolClient,
  ctx: TReportContext,
  report: TOpenCostReport,
): Promise<TCostIngestSummary> {
  const minutes = new Map<string, number>();
  for (const r of report.rows) {
    // One allocation per key and day: its minutes say how much of the day the window covers.
    minutes.set(r.day, Math.max(minutes.get(r.day) ?? 0, r.minutes));
  }
  const days = [...minutes.keys()].sort();
  const fullDays = days.filter((d) => (minutes.get(d) ?? 0) >= FULL_DAY_MINUTES);
  const partialDays = days.filter((d) => (minutes.get(d) ?? 0) < FULL_DAY_MINUTES);
  if (fullDays.length > 0) {
    await client.query(`DELETE FROM cost_daily WHERE org_id = $1 AND cluster_id = $2 AND day = ANY($3::date[])`, [
      ctx.orgId,
      ctx.clusterId,
      fullDays,
    ]);
  }
  if (partialDays.length > 0) {
    await client.query(
      `DELETE FROM cost_daily WHERE org_id = $1 AND cluster_id = $2 AND day = ANY($3::date[]) AND source = 'estimate'`,
      [ctx.orgId, ctx.clusterId, partialDays],
    );
  }
  // Workloads OpenCost knows before the inventory does get a resources row, and so an owner.
  await ensureResources(
    client,
    ctx.orgId,
    ctx.clusterId,
    report.rows
      .filter((r) => r.allocation === "workload")
      // Namespace-level rows (aggregate=namespace) name the namespace as their workload.
      .map((r) => ({ kind: r.kind, namespace: r.namespace, name: r.workload })),
  );
  const rows: TCostRowInput[] = report.rows.map((r) => ({
    day: r.day,
    namespace: r.namespace,
    kind: r.kind,
    workload: r.workload,
    container: r.container,
    allocation: r.allocation,
    labels: r.labels,
    cpuCoreHoursRequested: r.cpuCoreHoursRequested,
    cpuCoreHoursUsed: r.cpuCoreHoursUsed,
    memoryGibHoursRequested: r.memoryGibHoursRequested,
    memoryGibHoursUsed: r.memoryGibHoursUsed,
    gpuHours: r.gpuHours,
    cpuCost: r.cpuCost,
    memoryCost: r.memoryCost,
    gpuCost: r.gpuCost,
    storageCost: r.storageCost,
    networkCost: r.networkCost,
    sharedCost: r.sharedCost,
    totalCost: r.totalCost,
    usedCost: r.usedCost,
    requestedCost: r.requestedCost,
  }));
  const written = await addCostRows(client, ctx.orgId, ctx.clusterId, "opencost", rows);
  const reconciledDays = await reconcileCostDays(client, ctx.orgId, ctx.clusterId, days);
  await rebuildCostRollups(client, ctx.orgId, ctx.clusterId, days);
  const budgetAlerts = await evaluateBudgetsForDays(client, ctx.orgId, days, ctx.now);
  return { rows: written, days: days.length, replacedDays: fullDays.length, reconciledDays, budgetAlerts };
}

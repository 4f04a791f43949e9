import "server-only";
import type { PoolClient } from "pg";
import type { TWorkloadsInventory } from "@/lib/ingest/parsers/workloads";
import type { TReportContext } from "@/lib/ingest/process/apply-findings";
import { evaluateBudgetsForDays } from "../budgets/evaluate-budgets";
import { resolvePrices, type TClusterPriceOverrides, type TPriceOverrides } from "../prices";
import { clusterCapacity, estimateRows } from "./estimate-rows";
import { reconcileCostDays } from "./reconcile";
import { rebuildCostRollups } from "./rollup";
import { addCostRows } from "./write-rows";

export type TEstimateSummary =
  | { skipped: "opencost" | "no-window" }
  | { rows: number; days: number; hours: number; reconciledDays: number; budgetAlerts: number };

const HOUR_MS = 3_600_000;
/** An inventory stands for the time since the previous one, at most a day (an agent that was down says nothing about the gap). */
const MAX_WINDOW_HOURS = 24;
/** The first inventory of a cluster stands for the hour before it (the agent's default schedule). */
const FIRST_WINDOW_HOURS = 1;

async function pricesFor(client: PoolClient, orgId: string, clusterId: string, inventory: TWorkloadsInventory) {
  const org = await client.query<TPriceOverrides>(
    `SELECT cpu_hour_price AS "cpuHourPrice", memory_gib_hour_price AS "memoryGibHourPrice",
            gpu_hour_price AS "gpuHourPrice", storage_gib_hour_price AS "storageGibHourPrice"
       FROM cost_settings WHERE org_id = $1`,
    [orgId],
  );
  const cluster = await client.query<TClusterPriceOverrides>(
    `SELECT cpu_hour_price AS "cpuHourPrice", memory_gib_hour_price AS "memoryGibHourPrice",
            gpu_hour_price AS "gpuHourPrice", storage_gib_hour_price AS "storageGibHourPrice",
            node_hour_price AS "nodeHourPrice"
       FROM cluster_cost_prices WHERE org_id = $1 AND cluster_id = $2`,
    [orgId, clusterId],
  );
  const capacity = clusterCapacity(inventory);
  const perNode =
    capacity.nodes > 0
      ? { cpuCores: capacity.cpuCores / capacity.nodes, memoryGib: capacity.memoryGib / capacity.nodes }
      : undefined;
  return resolvePrices(org.rows[0] ?? null, cluster.rows[0] ?? null, perNode);
}

/**
 * The cost estimate of a workloads inventory, for clusters without OpenCost: each container's
 * requests priced over the time since the previous inventory, plus idle capacity. Runs after
 * applyInventory, so owners and labels are current.
 */
export async function applyCostEstimate(
  client: PoolClient,
  ctx: TReportContext,
  inventory: TWorkloadsInventory,
): Promise<TEstimateSummary> {
  const openCost = await client.query(
    `SELECT 1 FROM reports WHERE cluster_id = $1 AND type = 'opencost' AND status = 'processed' LIMIT 1`,
    [ctx.clusterId],
  );
  if (openCost.rows.length > 0) return { skipped: "opencost" };
  const end = ctx.now;
  const sincePrevious = ctx.previousReportAt ? (end.getTime() - ctx.previousReportAt.getTime()) / HOUR_MS : null;
  const hours = sincePrevious === null ? FIRST_WINDOW_HOURS : Math.min(MAX_WINDOW_HOURS, sincePrevious);
  if (hours <= 0) return { skipped: "no-window" };
  const prices = await pricesFor(client, ctx.orgId, ctx.clusterId, inventory);
  const rows = estimateRows(inventory, prices, { start: new Date(end.getTime() - hours * HOUR_MS), end });
  const days = [...new Set(rows.map((r) => r.day))].sort();
  const written = await addCostRows(client, ctx.orgId, ctx.clusterId, "estimate", rows);
  const reconciledDays = await reconcileCostDays(client, ctx.orgId, ctx.clusterId, days);
  await rebuildCostRollups(client, ctx.orgId, ctx.clusterId, days);
  const budgetAlerts = await evaluateBudgetsForDays(client, ctx.orgId, days, ctx.now);
  return { rows: written, days: days.length, hours, reconciledDays, budgetAlerts };
}

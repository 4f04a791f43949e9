import "server-only";
import type { PoolClient } from "pg";
import type { TCloudCostRow } from "@/lib/ingest/parsers/cloudcosts";
import type { TReportContext } from "@/lib/ingest/process/apply-findings";
import { evaluateBudgetsForDays } from "../budgets/evaluate-budgets";
import { reconcileCostDays } from "./reconcile";
import { rebuildCostRollups } from "./rollup";

export type TCloudCostSummary = {
  rows: number;
  days: number;
  total: number;
  reconciledDays: number;
  budgetAlerts: number;
};

/**
 * Stores a cloud bill: per day, provider, account, service and tag, replacing what an earlier
 * upload said about the same keys (a bill is restated, not added to), then scales the cluster's
 * in-cluster rows of those days to it.
 */
export async function applyCloudCosts(
  client: PoolClient,
  ctx: TReportContext,
  rows: readonly TCloudCostRow[],
): Promise<TCloudCostSummary> {
  const days = [...new Set(rows.map((r) => r.day))].sort();
  if (rows.length > 0) {
    await client.query(
      `INSERT INTO cloud_cost_daily AS b (org_id, cluster_id, day, provider, account, service, tag_key, tag_value, cost, hours)
       SELECT $1, $2, u.day, u.provider, u.account, u.service, u.tag_key, u.tag_value, u.cost, u.hours
         FROM unnest($3::date[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::float8[], $10::int[])
              AS u(day, provider, account, service, tag_key, tag_value, cost, hours)
       ON CONFLICT (org_id, cluster_id, day, provider, account, service, tag_key, tag_value)
       DO UPDATE SET cost = EXCLUDED.cost, hours = EXCLUDED.hours`,
      [
        ctx.orgId,
        ctx.clusterId,
        rows.map((r) => r.day),
        rows.map((r) => r.provider),
        rows.map((r) => r.account),
        rows.map((r) => r.service),
        rows.map((r) => r.tagKey),
        rows.map((r) => r.tagValue),
        rows.map((r) => r.cost),
        rows.map((r) => r.hours),
      ],
    );
  }
  const reconciledDays = await reconcileCostDays(client, ctx.orgId, ctx.clusterId, days);
  if (reconciledDays > 0) await rebuildCostRollups(client, ctx.orgId, ctx.clusterId, days);
  const budgetAlerts = reconciledDays > 0 ? await evaluateBudgetsForDays(client, ctx.orgId, days, ctx.now) : 0;
  return {
    rows: rows.length,
    days: days.length,
    total: rows.reduce((s, r) => s + r.cost, 0),
    reconciledDays,
    budgetAlerts,
  };
}

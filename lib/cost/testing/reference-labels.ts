import "server-only";
import { pool } from "@/lib/server/db";
import { param } from "@/lib/server/sql";
import { previousRange, type TCostRange } from "../range";
import { costScopeSql, type TCostScope } from "../scope";
import { changeOf, ratioOf, setShares } from "../figures";
import { IDLE_NAME, NO_LABEL, UNALLOCATED_NAME, type TCostSeriesPoint, type TLabelCostRow } from "../types";

// Test support: the reference implementation of the label figures, summed straight from the
// cost_daily rows, one query per figure and period. Production reads them from the label and
// allocation rollups (getLabelFigures / labelCostSeries, queries/labels.ts);
// queries/figures.test.ts checks the two agree. Workloads without the key are "(none)".

type TBuckets = { label: Map<string, number>; none: number; idle: number; unallocated: number };

/**
 * Daily series of one label key's values, plus "(none)", __idle__ and __unallocated__, summed
 * straight from cost_daily (production reads the label and allocation rollups instead).
 */
export async function labelCostSeries(scope: TCostScope, range: TCostRange, key: string): Promise<TCostSeriesPoint[]> {
  const params: unknown[] = [];
  const where = costScopeSql(scope, "d", params);
  const { rows } = await pool.query<{ day: string; key: string; bucket: TCostSeriesPoint["bucket"]; cost: number }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day,
            CASE allocation WHEN 'idle' THEN ${param(params, IDLE_NAME)} WHEN 'unallocated' THEN ${param(params, UNALLOCATED_NAME)}
                 ELSE coalesce(labels ->> ${param(params, key)}, ${param(params, NO_LABEL)}) END AS key,
            CASE allocation WHEN 'workload' THEN 'group' ELSE allocation END AS bucket,
            sum(total_cost) AS cost
       FROM cost_daily d
      WHERE ${where} AND day BETWEEN ${param(params, range.from)} AND ${param(params, range.to)}
      GROUP BY 1, 2, 3`,
    params,
  );
  return rows
    .filter((r) => r.key !== NO_LABEL || r.bucket !== "group" || Math.abs(r.cost) > 1e-9)
    .map((r) => ({ ...r, label: r.key }))
    .sort((a, b) => a.day.localeCompare(b.day));
}

/** Cost, used and requested cost per value of `key` and per bucket, summed straight from cost_daily. */
async function bucketsFor(
  scope: TCostScope,
  key: string,
  from: string,
  to: string,
): Promise<{ cost: TBuckets; used: TBuckets; requested: TBuckets }> {
  const params: unknown[] = [];
  const where = costScopeSql(scope, "d", params);
  const { rows } = await pool.query<{
    allocation: string;
    value: string | null;
    cost: number;
    used: number;
    requested: number;
  }>(
    `SELECT allocation, CASE WHEN allocation = 'workload' THEN labels ->> ${param(params, key)} END AS value,
            sum(total_cost) AS cost, sum(used_cost) AS used, sum(requested_cost) AS requested
       FROM cost_daily d
      WHERE ${where} AND day BETWEEN ${param(params, from)} AND ${param(params, to)}
      GROUP BY 1, 2`,
    params,
  );
  const make = (): TBuckets => ({ label: new Map(), none: 0, idle: 0, unallocated: 0 });
  const out = { cost: make(), used: make(), requested: make() };
  for (const r of rows) {
    for (const f of ["cost", "used", "requested"] as const) {
      if (r.allocation === "idle") out[f].idle += r[f];
      else if (r.allocation === "unallocated") out[f].unallocated += r[f];
      else if (r.value === null) out[f].none += r[f];
      else out[f].label.set(r.value, r[f]);
    }
  }
  return out;
}

/**
 * One row per value of the label key over the range, plus "(none)" (workloads without the key)
 * and idle/unallocated when present; cost, change vs the previous period, efficiency and share.
 * The rows add up to the scope's total.
 */
export async function listLabelCosts(scope: TCostScope, range: TCostRange, key: string): Promise<TLabelCostRow[]> {
  const previous = previousRange(range);
  const [now, before] = await Promise.all([
    bucketsFor(scope, key, range.from, range.to),
    bucketsFor(scope, key, previous.from, previous.to),
  ]);
  const hadRows = (b: TBuckets) => b.label.size > 0 || b.none !== 0 || b.idle !== 0 || b.unallocated !== 0;
  const previousHad = hadRows(before.cost);
  const rows: TLabelCostRow[] = [];
  const push = (value: string, bucket: TLabelCostRow["bucket"], pick: (b: TBuckets) => number) => {
    const cost = pick(now.cost);
    const prev = previousHad ? pick(before.cost) : null;
    rows.push({
      value,
      bucket,
      cost,
      previousCost: prev,
      change: changeOf(cost, prev),
      efficiency: ratioOf(pick(now.used), pick(now.requested)),
      share: null,
    });
  };
  for (const value of now.cost.label.keys()) push(value, "label", (b) => b.label.get(value) ?? 0);
  if (Math.abs(now.cost.none) > 1e-9) push(NO_LABEL, "none", (b) => b.none);
  if (now.cost.idle !== 0) push(IDLE_NAME, "idle", (b) => b.idle);
  if (now.cost.unallocated !== 0) push(UNALLOCATED_NAME, "unallocated", (b) => b.unallocated);
  return setShares(rows).sort((a, b) => b.cost - a.cost || a.value.localeCompare(b.value));
}

import "server-only";
import { pool } from "@/lib/server/db";
import { changeOf, ratioOf, setShares } from "../figures";
import { previousRange, type TCostRange } from "../range";
import { costScopeSql, type TCostScope } from "../scope";
import { IDLE_NAME, NO_LABEL, UNALLOCATED_NAME, type TCostSeriesPoint, type TLabelCostRow } from "../types";

// Cost by any label key (team, product, feature…). Two scans: the key's rows of cost_label_daily
// (per day, cluster, team, label key and value) through its covering index, and the day totals
// of cost_rollup_daily. Workloads without the key are "(none)": the workloads' total minus what
// the key's values cover. Idle and unallocated keep their own rows. The tests check these figures
// against testing/reference-labels.ts, one plain query per figure and period.

type TSums = { cost: number; used: number; requested: number };
type TLabelDay = { day: string; value: string } & TSums;
type TTotalDay = { day: string; allocation: string } & TSums;

const zero = (): TSums => ({ cost: 0, used: 0, requested: 0 });
const add = (a: TSums, b: TSums) => {
  a.cost += b.cost;
  a.used += b.used;
  a.requested += b.requested;
};

/**
 * Label keys that appear on costed workloads in the range the scope reads, alphabetically. A
 * skip scan over the (org_id, label_key, day) index: one probe per key, so a key with thousands
 * of values (app names) costs no more than one with three.
 */
export async function listCostLabelKeys(scope: TCostScope, range: TCostRange, limit = 200): Promise<string[]> {
  const params: unknown[] = [];
  const where = costScopeSql(scope, "l", params);
  params.push(range.from, range.to, limit);
  const n = params.length;
  const { rows } = await pool.query<{ key: string }>(
    `WITH RECURSIVE k(key) AS (
       (SELECT label_key FROM cost_label_daily WHERE org_id = $1 ORDER BY label_key LIMIT 1)
       UNION ALL
       SELECT (SELECT label_key FROM cost_label_daily WHERE org_id = $1 AND label_key > k.key ORDER BY label_key LIMIT 1)
         FROM k WHERE k.key IS NOT NULL
     )
     SELECT k.key FROM k
      WHERE k.key IS NOT NULL AND EXISTS (
        SELECT 1 FROM cost_label_daily l
         WHERE ${where} AND l.label_key = k.key AND l.day BETWEEN $${n - 2} AND $${n - 1})
      ORDER BY k.key LIMIT $${n}`,
    params,
  );
  return rows.map((r) => r.key);
}

/** The key's values and the rollup's allocations, per day from `from` to `to`. */
async function scanLabelDays(scope: TCostScope, key: string, from: string, to: string) {
  const labelParams: unknown[] = [];
  const labelWhere = costScopeSql(scope, "l", labelParams);
  labelParams.push(key, from, to);
  const totalParams: unknown[] = [];
  const totalWhere = costScopeSql(scope, "r", totalParams);
  totalParams.push(from, to);
  const [labels, totals] = await Promise.all([
    pool.query<TLabelDay>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, label_value AS value, sum(total_cost) AS cost,
              sum(used_cost) AS used, sum(requested_cost) AS requested
         FROM cost_label_daily l
        WHERE ${labelWhere} AND label_key = $${labelParams.length - 2}
          AND day BETWEEN $${labelParams.length - 1} AND $${labelParams.length}
        GROUP BY 1, 2`,
      labelParams,
    ),
    pool.query<TTotalDay>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, allocation, sum(total_cost) AS cost, sum(used_cost) AS used,
              sum(requested_cost) AS requested
         FROM cost_rollup_daily r WHERE ${totalWhere} AND day BETWEEN $${totalParams.length - 1} AND $${totalParams.length}
        GROUP BY 1, 2`,
      totalParams,
    ),
  ]);
  return { labels: labels.rows, totals: totals.rows };
}

/** The daily series from day `from` on: the key's values, plus "(none)", __idle__ and __unallocated__. */
function seriesPoints(labels: readonly TLabelDay[], totals: readonly TTotalDay[], from: string): TCostSeriesPoint[] {
  const labelledByDay = new Map<string, number>();
  const points: TCostSeriesPoint[] = [];
  for (const r of labels) {
    if (r.day < from) continue;
    labelledByDay.set(r.day, (labelledByDay.get(r.day) ?? 0) + r.cost);
    points.push({ day: r.day, key: r.value, label: r.value, bucket: "group", cost: r.cost });
  }
  for (const t of totals) {
    if (t.day < from) continue;
    if (t.allocation === "workload") {
      const none = t.cost - (labelledByDay.get(t.day) ?? 0);
      // Float sums can leave a hair of a cent where every workload has the label.
      if (Math.abs(none) > 1e-9)
        points.push({ day: t.day, key: NO_LABEL, label: NO_LABEL, bucket: "group", cost: none });
    } else {
      const name = t.allocation === "idle" ? IDLE_NAME : UNALLOCATED_NAME;
      points.push({ day: t.day, key: name, label: name, bucket: t.allocation as "idle" | "unallocated", cost: t.cost });
    }
  }
  return points.sort((a, b) => a.day.localeCompare(b.day));
}

/** Daily series of one label key's values, plus "(none)", __idle__ and __unallocated__. */
export async function labelCostSeries(scope: TCostScope, range: TCostRange, key: string): Promise<TCostSeriesPoint[]> {
  const { labels, totals } = await scanLabelDays(scope, key, range.from, range.to);
  return seriesPoints(labels, totals, range.from);
}

/**
 * One row per value of the label key over the range, plus "(none)" (workloads without the key)
 * and idle/unallocated when present; cost, change vs the previous period, efficiency and share
 * (the rows add up to the scope's total). With the range's daily series (labelCostSeries).
 */
export async function getLabelFigures(
  scope: TCostScope,
  range: TCostRange,
  key: string,
): Promise<{ rows: TLabelCostRow[]; points: TCostSeriesPoint[] }> {
  const previous = previousRange(range);
  const { labels, totals } = await scanLabelDays(scope, key, previous.from, range.to);
  const inRange = (day: string) => day >= range.from;
  // Per period: each value's sums, the labelled sum, and the rollup's per-allocation sums.
  const period = () => ({
    values: new Map<string, TSums>(),
    labelled: zero(),
    workload: zero(),
    idle: zero(),
    unallocated: zero(),
    any: false,
  });
  const now = period();
  const before = period();
  for (const r of labels) {
    const p = inRange(r.day) ? now : before;
    const sums = p.values.get(r.value) ?? zero();
    add(sums, r);
    p.values.set(r.value, sums);
    add(p.labelled, r);
    p.any = true;
  }
  for (const t of totals) {
    const p = inRange(t.day) ? now : before;
    add(t.allocation === "idle" ? p.idle : t.allocation === "unallocated" ? p.unallocated : p.workload, t);
    if (t.cost !== 0) p.any = true;
  }
  const none = (p: typeof now): TSums => ({
    cost: p.workload.cost - p.labelled.cost,
    used: p.workload.used - p.labelled.used,
    requested: p.workload.requested - p.labelled.requested,
  });
  const rows: TLabelCostRow[] = [];
  const push = (value: string, bucket: TLabelCostRow["bucket"], pick: (p: typeof now) => TSums) => {
    const cur = pick(now);
    const prev = before.any ? pick(before).cost : null;
    rows.push({
      value,
      bucket,
      cost: cur.cost,
      previousCost: prev,
      change: changeOf(cur.cost, prev),
      efficiency: ratioOf(cur.used, cur.requested),
      share: null,
    });
  };
  for (const value of now.values.keys()) push(value, "label", (p) => p.values.get(value) ?? zero());
  if (Math.abs(none(now).cost) > 1e-9) push(NO_LABEL, "none", none);
  if (now.idle.cost !== 0) push(IDLE_NAME, "idle", (p) => p.idle);
  if (now.unallocated.cost !== 0) push(UNALLOCATED_NAME, "unallocated", (p) => p.unallocated);
  setShares(rows).sort((a, b) => b.cost - a.cost || a.value.localeCompare(b.value));
  return { rows, points: seriesPoints(labels, totals, range.from) };
}

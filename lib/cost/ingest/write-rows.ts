import "server-only";
import type { PoolClient } from "pg";
import type { TCostAmounts } from "@/lib/ingest/parsers/opencost";
import type { TCostAllocation, TCostSource } from "../types";

/** One cost row as an ingest step computed it, before team and labels are attached. */
export type TCostRowInput = TCostAmounts & {
  day: string;
  namespace: string;
  kind: string;
  workload: string;
  container: string;
  allocation: TCostAllocation;
  /** Labels the report itself carries; the inventory's labels of the workload win when known. */
  labels: Record<string, string>;
};

const ADDITIVE = [
  "cpu_core_hours_requested",
  "memory_gib_hours_requested",
  "gpu_hours",
  "used_cost",
  "requested_cost",
  "in_cluster_cost",
] as const;
const NULLABLE_ADDITIVE = ["cpu_core_hours_used", "memory_gib_hours_used"] as const;
// Money columns of a row already scaled to the cloud bill are brought back to in-cluster terms
// before adding (reconcileCostDays scales the day again afterwards).
const SCALED = [
  "cpu_cost",
  "memory_cost",
  "gpu_cost",
  "storage_cost",
  "network_cost",
  "shared_cost",
  "total_cost",
] as const;
/** The columns the rollups sum (all of cost_daily's additive columns but the nullable used hours). */
export const SUMMED_COLUMNS = [...ADDITIVE, ...SCALED] as const;
const UNSCALE = "(CASE WHEN c.total_cost = 0 THEN 1 ELSE c.in_cluster_cost / c.total_cost END)";

function key(r: TCostRowInput): string {
  return [r.day, r.namespace, r.kind, r.workload, r.container].join("\u0000");
}

/** Rows with the same key (e.g. pods of one controller) summed, so one statement never hits a key twice. */
export function mergeCostRows(rows: readonly TCostRowInput[]): TCostRowInput[] {
  const merged = new Map<string, TCostRowInput>();
  const addNullable = (a: number | null, b: number | null) => (a === null && b === null ? null : (a ?? 0) + (b ?? 0));
  for (const r of rows) {
    const k = key(r);
    const m = merged.get(k);
    if (!m) {
      merged.set(k, { ...r, labels: { ...r.labels } });
      continue;
    }
    m.cpuCoreHoursRequested += r.cpuCoreHoursRequested;
    m.cpuCoreHoursUsed = addNullable(m.cpuCoreHoursUsed, r.cpuCoreHoursUsed);
    m.memoryGibHoursRequested += r.memoryGibHoursRequested;
    m.memoryGibHoursUsed = addNullable(m.memoryGibHoursUsed, r.memoryGibHoursUsed);
    m.gpuHours += r.gpuHours;
    m.cpuCost += r.cpuCost;
    m.memoryCost += r.memoryCost;
    m.gpuCost += r.gpuCost;
    m.storageCost += r.storageCost;
    m.networkCost += r.networkCost;
    m.sharedCost += r.sharedCost;
    m.totalCost += r.totalCost;
    m.usedCost += r.usedCost;
    m.requestedCost += r.requestedCost;
    Object.assign(m.labels, r.labels);
  }
  return [...merged.values()];
}

/**
 * Adds rows to cost_daily in one statement (adding to a row that exists for the same day and
 * key), with the owning team and labels of the matching resource (team scopes, lib/teams) and
 * the service: app.kubernetes.io/name, else app, else the workload.
 */
export async function addCostRows(
  client: PoolClient,
  orgId: string,
  clusterId: string,
  source: TCostSource,
  input: readonly TCostRowInput[],
): Promise<number> {
  const rows = mergeCostRows(input);
  if (rows.length === 0) return 0;
  const col = <K extends keyof TCostRowInput>(k: K) => rows.map((r) => r[k]);
  const update = [
    ...ADDITIVE.map((c) => `${c} = c.${c} + EXCLUDED.${c}`),
    ...NULLABLE_ADDITIVE.map(
      (c) =>
        `${c} = CASE WHEN c.${c} IS NULL AND EXCLUDED.${c} IS NULL THEN NULL ELSE coalesce(c.${c}, 0) + coalesce(EXCLUDED.${c}, 0) END`,
    ),
    ...SCALED.map((c) => `${c} = c.${c} * ${UNSCALE} + EXCLUDED.${c}`),
    `source = EXCLUDED.source`,
    `labels = EXCLUDED.labels`,
    `service = EXCLUDED.service`,
    `owner_team_id = EXCLUDED.owner_team_id`,
    `resource_id = EXCLUDED.resource_id`,
    `updated_at = now()`,
  ];
  const result = await client.query(
    `INSERT INTO cost_daily AS c (org_id, cluster_id, day, namespace, kind, workload, container, allocation, source,
            resource_id, owner_team_id, service, labels, cpu_core_hours_requested, cpu_core_hours_used,
            memory_gib_hours_requested, memory_gib_hours_used, gpu_hours, cpu_cost, memory_cost, gpu_cost,
            storage_cost, network_cost, shared_cost, total_cost, in_cluster_cost, used_cost, requested_cost)
     SELECT $1, $2, u.day, u.ns, u.kind, u.workload, u.container, u.allocation, $3, r.id, r.owner_team_id,
            coalesce(l.labels ->> 'app.kubernetes.io/name', l.labels ->> 'app_kubernetes_io_name', l.labels ->> 'app', u.workload),
            l.labels, u.cpu_req, u.cpu_used, u.mem_req, u.mem_used, u.gpu_hours, u.cpu, u.mem, u.gpu, u.storage,
            u.network, u.shared, u.total, u.total, u.used, u.requested
       FROM unnest($4::date[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                   $11::float8[], $12::float8[], $13::float8[], $14::float8[], $15::float8[], $16::float8[],
                   $17::float8[], $18::float8[], $19::float8[], $20::float8[], $21::float8[], $22::float8[],
                   $23::float8[], $24::float8[])
            AS u(day, ns, kind, workload, container, allocation, labels, cpu_req, cpu_used, mem_req, mem_used,
                 gpu_hours, cpu, mem, gpu, storage, network, shared, total, used, requested)
       LEFT JOIN resources r
              ON u.allocation = 'workload' AND r.org_id = $1 AND r.cluster_id = $2
             AND r.kind = u.kind AND r.namespace = u.ns AND r.name = u.workload
      CROSS JOIN LATERAL (
              SELECT CASE WHEN r.labels IS NOT NULL AND r.labels <> '{}'::jsonb THEN r.labels ELSE u.labels::jsonb END AS labels
            ) l
     ON CONFLICT (org_id, cluster_id, day, namespace, kind, workload, container) DO UPDATE SET ${update.join(", ")}`,
    [
      orgId,
      clusterId,
      source,
      col("day"),
      col("namespace"),
      col("kind"),
      col("workload"),
      col("container"),
      col("allocation"),
      rows.map((r) => JSON.stringify(r.labels)),
      col("cpuCoreHoursRequested"),
      col("cpuCoreHoursUsed"),
      col("memoryGibHoursRequested"),
      col("memoryGibHoursUsed"),
      col("gpuHours"),
      col("cpuCost"),
      col("memoryCost"),
      col("gpuCost"),
      col("storageCost"),
      col("networkCost"),
      col("sharedCost"),
      col("totalCost"),
      col("usedCost"),
      col("requestedCost"),
    ],
  );
  return result.rowCount ?? 0;
}

import "server-only";
import { parseQuantity } from "@/lib/domain/quantity";
import { pool } from "@/lib/server/db";
import { resolvePrices, type TClusterPriceOverrides, type TPriceOverrides } from "../prices";
import { costScopeSql, type TCostScope } from "../scope";

// Rightsizing from Goldilocks: its open request findings (lib/ingest/parsers/goldilocks.ts keeps
// the container's requests and the VPA target as evidence) become a recommended request per
// container, priced with the cluster's unit prices over a month of the workload's replicas.

export const HOURS_PER_MONTH = 730;
const GIB = 2 ** 30;
const CHECKS = ["cpuRequestTooHigh", "cpuRequestTooLow", "memoryRequestTooHigh", "memoryRequestTooLow"];

export type TRightsizingRow = {
  cluster: { slug: string; name: string };
  namespace: string;
  kind: string;
  workload: string;
  container: string;
  team: { id: string; slug: string; name: string } | null;
  replicas: number;
  /** Requests now and recommended (Goldilocks' target); null when not set or not recommended. */
  current: { cpuCores: number | null; memoryBytes: number | null };
  recommended: { cpuCores: number | null; memoryBytes: number | null };
  /** Per month at the cluster's prices; negative when the container needs more than it asks for. */
  monthlySaving: number;
  /** The Goldilocks findings behind the recommendation, for links. */
  findings: { id: string; checkId: string }[];
};

type TSql = {
  id: string;
  check_id: string;
  cluster_id: string;
  slug: string;
  cluster_name: string;
  namespace: string;
  kind: string;
  name: string;
  container: string;
  team_id: string | null;
  team_slug: string | null;
  team_name: string | null;
  evidence: { requests?: Record<string, string | number>; target?: Record<string, string | number> };
  replicas: number | null;
};

const amount = (list: Record<string, string | number> | undefined, key: string) => {
  const v = list?.[key];
  const parsed = v === undefined ? null : parseQuantity(v);
  return parsed !== null && parsed > 0 ? parsed : null;
};

/**
 * Containers with an open Goldilocks request finding that the scope may read (optionally one
 * team's), with recommended requests and the monthly saving, largest saving first.
 */
export async function listRightsizing(
  scope: TCostScope,
  options: { teamId?: string } = {},
): Promise<TRightsizingRow[]> {
  const params: unknown[] = [];
  const where = costScopeSql(scope, "f", params);
  params.push(CHECKS);
  const checks = `$${params.length}::text[]`;
  let team = "";
  if (options.teamId) {
    params.push(options.teamId);
    team = ` AND f.owner_team_id = $${params.length}::uuid`;
  }
  const [findings, org, clusters] = await Promise.all([
    pool.query<TSql>(
      `SELECT f.id, f.check_id, f.cluster_id, c.slug, c.name AS cluster_name, f.namespace, f.kind, f.name, f.container,
              f.owner_team_id AS team_id, t.slug AS team_slug, t.name AS team_name, f.evidence,
              (r.details ->> 'replicas')::int AS replicas
         FROM findings f JOIN clusters c ON c.id = f.cluster_id
         LEFT JOIN teams t ON t.id = f.owner_team_id
         LEFT JOIN resources r ON r.id = f.resource_id
        WHERE ${where} AND f.source = 'goldilocks' AND f.state = 'open' AND f.check_id = ANY(${checks})${team}`,
      params,
    ),
    pool.query<TPriceOverrides>(
      `SELECT cpu_hour_price AS "cpuHourPrice", memory_gib_hour_price AS "memoryGibHourPrice",
              gpu_hour_price AS "gpuHourPrice", storage_gib_hour_price AS "storageGibHourPrice"
         FROM cost_settings WHERE org_id = $1`,
      [scope.orgId],
    ),
    pool.query<TClusterPriceOverrides & { cluster_id: string }>(
      `SELECT cluster_id, cpu_hour_price AS "cpuHourPrice", memory_gib_hour_price AS "memoryGibHourPrice",
              gpu_hour_price AS "gpuHourPrice", storage_gib_hour_price AS "storageGibHourPrice",
              node_hour_price AS "nodeHourPrice"
         FROM cluster_cost_prices WHERE org_id = $1`,
      [scope.orgId],
    ),
  ]);
  const clusterPrices = new Map(clusters.rows.map((c) => [c.cluster_id, c]));
  const byContainer = new Map<string, TRightsizingRow & { clusterId: string }>();
  for (const f of findings.rows) {
    const key = [f.cluster_id, f.namespace, f.kind, f.name, f.container].join("\u0000");
    let row = byContainer.get(key);
    if (!row) {
      row = {
        clusterId: f.cluster_id,
        cluster: { slug: f.slug, name: f.cluster_name },
        namespace: f.namespace,
        kind: f.kind,
        workload: f.name,
        container: f.container,
        team: f.team_id && f.team_slug && f.team_name ? { id: f.team_id, slug: f.team_slug, name: f.team_name } : null,
        replicas: Math.max(1, f.replicas ?? 1),
        current: { cpuCores: amount(f.evidence.requests, "cpu"), memoryBytes: amount(f.evidence.requests, "memory") },
        recommended: { cpuCores: null, memoryBytes: null },
        monthlySaving: 0,
        findings: [],
      };
      byContainer.set(key, row);
    }
    row.findings.push({ id: f.id, checkId: f.check_id });
    if (f.check_id.startsWith("cpu")) row.recommended.cpuCores = amount(f.evidence.target, "cpu");
    else row.recommended.memoryBytes = amount(f.evidence.target, "memory");
  }
  const out: TRightsizingRow[] = [];
  for (const { clusterId, ...row } of byContainer.values()) {
    const prices = resolvePrices(org.rows[0] ?? null, clusterPrices.get(clusterId) ?? null);
    const cpuDelta =
      row.current.cpuCores !== null && row.recommended.cpuCores !== null
        ? row.current.cpuCores - row.recommended.cpuCores
        : 0;
    const memDelta =
      row.current.memoryBytes !== null && row.recommended.memoryBytes !== null
        ? (row.current.memoryBytes - row.recommended.memoryBytes) / GIB
        : 0;
    row.monthlySaving = row.replicas * HOURS_PER_MONTH * (cpuDelta * prices.cpuHour + memDelta * prices.memoryGibHour);
    out.push(row);
  }
  return out.sort((a, b) => b.monthlySaving - a.monthlySaving || a.workload.localeCompare(b.workload));
}

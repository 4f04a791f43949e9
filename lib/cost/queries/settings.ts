import "server-only";
import { pool } from "@/lib/server/db";
import {
  DEFAULT_CURRENCY,
  DEFAULT_PRICES,
  resolvePrices,
  type TClusterPriceOverrides,
  type TPriceOverrides,
  type TUnitPrices,
} from "../prices";

export type TClusterPrices = {
  cluster: { id: string; slug: string; name: string };
  overrides: TClusterPriceOverrides;
  /** What applies to the cluster's estimates (node-cost split not applied here: it needs the nodes). */
  effective: TUnitPrices;
};

export type TCostSettingsView = {
  currency: string;
  defaults: TUnitPrices;
  /** The org's own prices; null fields fall back to the defaults. */
  overrides: TPriceOverrides;
  effective: TUnitPrices;
  clusters: TClusterPrices[];
};

const EMPTY_OVERRIDES: TPriceOverrides = {
  cpuHourPrice: null,
  memoryGibHourPrice: null,
  gpuHourPrice: null,
  storageGibHourPrice: null,
};

/** The org's currency (ISO 4217; USD until set). */
export async function getCostCurrency(orgId: string): Promise<string> {
  const { rows } = await pool.query<{ currency: string }>(`SELECT currency FROM cost_settings WHERE org_id = $1`, [
    orgId,
  ]);
  return rows[0]?.currency ?? DEFAULT_CURRENCY;
}

/** Currency and unit prices of the org and of each of its clusters, with what applies. */
export async function getCostSettings(orgId: string): Promise<TCostSettingsView> {
  const [org, clusters] = await Promise.all([
    pool.query<TPriceOverrides & { currency: string }>(
      `SELECT currency, cpu_hour_price AS "cpuHourPrice", memory_gib_hour_price AS "memoryGibHourPrice",
              gpu_hour_price AS "gpuHourPrice", storage_gib_hour_price AS "storageGibHourPrice"
         FROM cost_settings WHERE org_id = $1`,
      [orgId],
    ),
    pool.query<TClusterPriceOverrides & { id: string; slug: string; name: string }>(
      `SELECT c.id, c.slug, c.name, p.cpu_hour_price AS "cpuHourPrice", p.memory_gib_hour_price AS "memoryGibHourPrice",
              p.gpu_hour_price AS "gpuHourPrice", p.storage_gib_hour_price AS "storageGibHourPrice",
              p.node_hour_price AS "nodeHourPrice"
         FROM clusters c LEFT JOIN cluster_cost_prices p ON p.cluster_id = c.id
        WHERE c.org_id = $1 ORDER BY c.name`,
      [orgId],
    ),
  ]);
  const row = org.rows[0];
  const overrides: TPriceOverrides = row
    ? {
        cpuHourPrice: row.cpuHourPrice,
        memoryGibHourPrice: row.memoryGibHourPrice,
        gpuHourPrice: row.gpuHourPrice,
        storageGibHourPrice: row.storageGibHourPrice,
      }
    : EMPTY_OVERRIDES;
  return {
    currency: row?.currency ?? DEFAULT_CURRENCY,
    defaults: { ...DEFAULT_PRICES },
    overrides,
    effective: resolvePrices(overrides, null),
    clusters: clusters.rows.map((c) => {
      const cluster: TClusterPriceOverrides = {
        cpuHourPrice: c.cpuHourPrice,
        memoryGibHourPrice: c.memoryGibHourPrice,
        gpuHourPrice: c.gpuHourPrice,
        storageGibHourPrice: c.storageGibHourPrice,
        nodeHourPrice: c.nodeHourPrice,
      };
      return {
        cluster: { id: c.id, slug: c.slug, name: c.name },
        overrides: cluster,
        effective: resolvePrices(overrides, cluster),
      };
    }),
  };
}

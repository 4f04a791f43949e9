import "server-only";
import type { PoolClient } from "pg";
import { pool } from "@/lib/server/db";
import { env } from "@/lib/server/env";

// Per-organization quotas: the install's defaults (BUMPERS_QUOTA_*) unless the operator set the
// organization's own (npm run org:quota). Null means no limit, whichever way it came.

export type TOrgQuotas = { clusters: number | null; reportBytesPerDay: number | null; reportBytesTotal: number | null };

export type TOrgUsage = {
  clusters: number;
  /** Raw report bytes stored since 00:00 UTC, and uploads refused over a quota since then. */
  reportBytesToday: number;
  refusedToday: number;
  /** Raw report bytes the organization holds now. */
  reportBytesStored: number;
};

/** An override (null: take the default), then 0 as "no limit". */
function effective(override: string | number | null, fallback: number): number | null {
  const value = override === null ? fallback : Number(override);
  return value > 0 ? value : null;
}

type TQuotaRow = {
  quota_clusters: number | null;
  quota_report_bytes_per_day: string | null;
  quota_report_bytes_total: string | null;
};

export function quotasOf(row: TQuotaRow): TOrgQuotas {
  const e = env();
  return {
    clusters: effective(row.quota_clusters, e.BUMPERS_QUOTA_CLUSTERS),
    reportBytesPerDay: effective(row.quota_report_bytes_per_day, e.BUMPERS_QUOTA_REPORT_BYTES_PER_DAY),
    reportBytesTotal: effective(row.quota_report_bytes_total, e.BUMPERS_QUOTA_REPORT_BYTES_TOTAL),
  };
}

const QUOTA_COLUMNS = "o.quota_clusters, o.quota_report_bytes_per_day, o.quota_report_bytes_total";

// Today is the UTC day of the database's clock, the same the reports trigger files bytes under.
const REPORT_USAGE = `
  COALESCE((SELECT u.bytes FROM report_usage_daily u
             WHERE u.org_id = o.id AND u.day = (now() AT TIME ZONE 'UTC')::date), 0)::text AS bytes_today,
  COALESCE((SELECT u.refused FROM report_usage_daily u
             WHERE u.org_id = o.id AND u.day = (now() AT TIME ZONE 'UTC')::date), 0) AS refused_today,
  COALESCE((SELECT s.bytes FROM report_storage s WHERE s.org_id = o.id), 0)::text AS bytes_stored`;

type TReportUsageRow = TQuotaRow & { bytes_today: string; refused_today: number; bytes_stored: string };

/** The quotas and report usage of an organization, in one indexed read (primary keys only). */
export async function reportQuotaState(
  orgId: string,
  client: Pick<PoolClient, "query"> = pool,
): Promise<{ quotas: TOrgQuotas; usage: Omit<TOrgUsage, "clusters"> }> {
  const { rows } = await client.query<TReportUsageRow>(
    `SELECT ${QUOTA_COLUMNS}, ${REPORT_USAGE} FROM organizations o WHERE o.id = $1`,
    [orgId],
  );
  const row = rows[0];
  if (!row) throw new Error(`Organization ${orgId} not found`);
  return {
    quotas: quotasOf(row),
    usage: {
      reportBytesToday: Number(row.bytes_today),
      refusedToday: row.refused_today,
      reportBytesStored: Number(row.bytes_stored),
    },
  };
}

/** Quotas and usage for the org admins' Storage panel. */
export async function orgQuotaOverview(orgId: string): Promise<{ quotas: TOrgQuotas; usage: TOrgUsage }> {
  const [{ quotas, usage }, clusters] = await Promise.all([
    reportQuotaState(orgId),
    pool.query<{ n: number }>("SELECT count(*)::int AS n FROM clusters WHERE org_id = $1", [orgId]),
  ]);
  return { quotas, usage: { ...usage, clusters: clusters.rows[0].n } };
}

import "server-only";
import { createHash } from "node:crypto";
import type { PoolClient, QueryResult, QueryResultRow } from "pg";
import { assertWithinReportQuota, isQuotaRefusal, recordQuotaRefusal } from "@/lib/quotas/enforce";
import { pool } from "@/lib/server/db";
import { inTransaction } from "@/lib/server/sql";
import { parseReportType } from "./report-type";

export const AGENT_HEADERS = {
  agentVersion: "x-fairwinds-agent-version",
  reportVersion: "x-fairwinds-report-version",
  chartVersion: "x-fairwinds-agent-chart-version",
} as const;

// Versions are only displayed and sniffed, never compared; a bound keeps odd values out of the row.
const MAX_HEADER_CHARS = 100;

export type TStoreReportInput = {
  orgId: string;
  clusterId: string;
  type: string;
  /** The raw JSON bytes, already gunzipped. */
  body: Buffer;
  headers: Headers;
};

export type TStoredReport = { reportId: string; duplicate: boolean };

function headerValue(headers: Headers, name: string): string | null {
  const value = headers.get(name)?.trim();
  return value ? value.slice(0, MAX_HEADER_CHARS) : null;
}

/**
 * Runs the report's INSERT in a transaction that is rolled back when the organization is then over
 * a storage quota (the trigger on reports counted the new bytes within it). A refusal is counted
 * for the org admins after the rollback.
 */
async function insertWithinQuota<T extends QueryResultRow>(
  orgId: string,
  insert: (client: PoolClient) => Promise<QueryResult<T>>,
): Promise<QueryResult<T>> {
  try {
    return await inTransaction(pool, async (client) => {
      const result = await insert(client);
      if (result.rowCount) await assertWithinReportQuota(client, orgId);
      return result;
    });
  } catch (err) {
    if (isQuotaRefusal(err)) await recordQuotaRefusal(orgId);
    throw err;
  }
}

/**
 * Stores a raw report durably before any processing (the caller has checked it is JSON). Idempotent
 * by SHA-256 of the bytes per cluster and type: a retried upload finds the existing row and changes
 * nothing.
 */
export async function storeReport(input: TStoreReportInput): Promise<TStoredReport> {
  const type = parseReportType(input.type);
  const sha256 = createHash("sha256").update(input.body).digest("hex");
  const inserted = await insertWithinQuota(input.orgId, (client) =>
    client.query<{ id: string }>(
      `INSERT INTO reports (org_id, cluster_id, type, sha256, body, size_bytes, agent_version, report_version, chart_version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (cluster_id, type, sha256) DO NOTHING
     RETURNING id`,
      [
        input.orgId,
        input.clusterId,
        type,
        sha256,
        input.body,
        input.body.length,
        headerValue(input.headers, AGENT_HEADERS.agentVersion),
        headerValue(input.headers, AGENT_HEADERS.reportVersion),
        headerValue(input.headers, AGENT_HEADERS.chartVersion),
      ],
    ),
  );
  if (inserted.rows[0]) return { reportId: inserted.rows[0].id, duplicate: false };
  // Same bytes as an earlier upload. A retry of the latest report changes nothing. The same bytes
  // after a different report (A, B, then A again) are a new state of the cluster: the stored copy
  // is queued again as the latest, instead of keeping a second copy of the body.
  const requeued = await pool.query<{ id: string }>(
    `UPDATE reports r SET received_at = now(), status = 'received', error = NULL, processed_at = NULL, summary = NULL
      WHERE r.cluster_id = $1 AND r.type = $2 AND r.sha256 = $3
        AND EXISTS (SELECT 1 FROM reports newer
                     WHERE newer.cluster_id = r.cluster_id AND newer.type = r.type
                       AND (newer.received_at, newer.id) > (r.received_at, r.id))
     RETURNING r.id`,
    [input.clusterId, type, sha256],
  );
  if (requeued.rows[0]) return { reportId: requeued.rows[0].id, duplicate: false };
  const existing = await pool.query<{ id: string }>(
    `SELECT id FROM reports WHERE cluster_id = $1 AND type = $2 AND sha256 = $3`,
    [input.clusterId, type, sha256],
  );
  return { reportId: existing.rows[0].id, duplicate: true };
}

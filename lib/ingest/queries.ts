import "server-only";
import { pool } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { parseTrivy } from "./parsers/trivy";
import type { TParsedImage } from "./parsers/types";

export type TReportStatus = "received" | "processed" | "failed";

/** The latest report of one type from one cluster, without its body, and how many of that type exist. */
export type TLatestReport = {
  clusterId: string;
  type: string;
  receivedAt: Date;
  status: TReportStatus;
  error: string | null;
  sizeBytes: number;
  agentVersion: string | null;
  chartVersion: string | null;
  reportCount: number;
};

export type TAgentFailure = { id: string; type: string; message: string; receivedAt: Date };

type TLatestRow = {
  cluster_id: string;
  type: string;
  received_at: Date;
  status: TReportStatus;
  error: string | null;
  size_bytes: number;
  agent_version: string | null;
  chart_version: string | null;
  report_count: number;
};

/**
 * Per cluster and report type, the most recent upload (the body stays in the database: reports
 * reach 50 MB). Grouped by cluster id, types in alphabetical order.
 */
export async function latestReportsByCluster(orgId: string): Promise<Map<string, TLatestReport[]>> {
  const { rows } = await pool.query<TLatestRow>(
    `SELECT cluster_id, type, received_at, status, error, size_bytes, agent_version, chart_version, report_count
       FROM (
         SELECT cluster_id, type, received_at, status::text AS status, error, size_bytes, agent_version,
                chart_version,
                count(*) OVER (PARTITION BY cluster_id, type)::int AS report_count,
                row_number() OVER (PARTITION BY cluster_id, type ORDER BY received_at DESC, id DESC) AS rank
           FROM reports
          WHERE org_id = $1
       ) ranked
      WHERE rank = 1
      ORDER BY cluster_id, type`,
    [orgId],
  );
  const byCluster = new Map<string, TLatestReport[]>();
  for (const r of rows) {
    const list = byCluster.get(r.cluster_id) ?? [];
    list.push({
      clusterId: r.cluster_id,
      type: r.type,
      receivedAt: r.received_at,
      status: r.status,
      error: r.error,
      sizeBytes: r.size_bytes,
      agentVersion: r.agent_version,
      chartVersion: r.chart_version,
      reportCount: r.report_count,
    });
    byCluster.set(r.cluster_id, list);
  }
  return byCluster;
}

/** The agent's most recent job failures on one cluster, newest first. */
export async function recentAgentFailures(orgId: string, clusterId: string, limit = 5): Promise<TAgentFailure[]> {
  const { rows } = await pool.query<{ id: string; type: string; message: string; received_at: Date }>(
    `SELECT id, type, message, received_at
       FROM agent_failures
      WHERE org_id = $1 AND cluster_id = $2
      ORDER BY received_at DESC, id DESC
      LIMIT $3`,
    [orgId, clusterId, limit],
  );
  return rows.map((r) => ({ id: r.id, type: r.type, message: r.message, receivedAt: r.received_at }));
}

// How many stored trivy bodies to try before giving up: one corrupt upload must not hide the
// previous good one, but a cluster that only ever sent garbage should not cost a full scan.
const TRIVY_FALLBACK_DEPTH = 5;

/**
 * The images of the cluster's most recent parseable `trivy` report and when it arrived (the agent
 * reads this back as latest.json). Throws not_found when no stored report parses.
 */
export async function latestTrivyImages(
  orgId: string,
  clusterId: string,
): Promise<{ images: TParsedImage[]; receivedAt: Date }> {
  const { rows: ids } = await pool.query<{ id: string }>(
    `SELECT id FROM reports
      WHERE org_id = $1 AND cluster_id = $2 AND type = 'trivy'
      ORDER BY received_at DESC, id DESC
      LIMIT $3`,
    [orgId, clusterId, TRIVY_FALLBACK_DEPTH],
  );
  // One body at a time: each can be tens of megabytes.
  for (const { id } of ids) {
    const { rows } = await pool.query<{ body: Buffer; received_at: Date }>(
      `SELECT body, received_at FROM reports WHERE id = $1 AND org_id = $2`,
      [id, orgId],
    );
    const row = rows[0];
    if (!row) continue;
    try {
      const images = parseTrivy(JSON.parse(row.body.toString("utf8"))).images ?? [];
      return { images, receivedAt: row.received_at };
    } catch {
      // Stored bodies are valid JSON but may not be a Trivy report; the next older one may be.
      continue;
    }
  }
  throw new AppError("not_found", "This cluster has not uploaded a Trivy report yet.");
}

import "server-only";
import { pool } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { parseTrivy } from "./parsers/trivy";
import type { TParsedImage } from "./parsers/types";

export type TReportStatus = "received" | "processed" | "failed";

/** The latest report of one type from one cluster, without its body, and how many of that type exist. */
export type TLatestReport = {
  id: string;
  clusterId: string;
  type: string;
  receivedAt: Date;
  status: TReportStatus;
  error: string | null;
  processedAt: Date | null;
  sizeBytes: number;
  agentVersion: string | null;
  chartVersion: string | null;
  reportCount: number;
};

export type TAgentFailure = { id: string; type: string; message: string; receivedAt: Date };

type TLatestRow = {
  id: string;
  cluster_id: string;
  type: string;
  received_at: Date;
  status: TReportStatus;
  error: string | null;
  processed_at: Date | null;
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
    `SELECT id, cluster_id, type, received_at, status, error, processed_at, size_bytes, agent_version, chart_version,
            report_count
       FROM (
         SELECT id, cluster_id, type, received_at, status::text AS status, error, processed_at, size_bytes,
                agent_version, chart_version,
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
      id: r.id,
      clusterId: r.cluster_id,
      type: r.type,
      receivedAt: r.received_at,
      status: r.status,
      error: r.error,
      processedAt: r.processed_at,
      sizeBytes: r.size_bytes,
      agentVersion: r.agent_version,
      chartVersion: r.chart_version,
      reportCount: r.report_count,
    });
    byCluster.set(r.cluster_id, list);
  }
  return byCluster;
}

/** What the agent told us about each cluster, across report types. */
export type TClusterAgentSummary = {
  /** The latest report of any type; null while waiting for the first upload. */
  lastReportAt: Date | null;
  /** From the latest report that carried the agent's version headers. */
  agentVersion: string | null;
  chartVersion: string | null;
  /** Nodes in the current inventory; meaningful only once `inventoryProcessed`. */
  nodes: number;
  /** Whether a workloads report was ever processed, i.e. whether `nodes` is known. */
  inventoryProcessed: boolean;
};

/**
 * Per cluster of the org (every cluster, reporting or not): last report, agent and chart versions
 * and node count. One lateral lookup each on the reports index, never a scan of report bodies.
 */
export async function clusterAgentSummaries(orgId: string): Promise<Map<string, TClusterAgentSummary>> {
  const { rows } = await pool.query<{
    cluster_id: string;
    last_report_at: Date | null;
    agent_version: string | null;
    chart_version: string | null;
    nodes: number;
    inventory_processed: boolean;
  }>(
    `SELECT c.id AS cluster_id, last.received_at AS last_report_at, agent.agent_version, chart.chart_version,
            (SELECT count(*) FROM resources n
              WHERE n.org_id = c.org_id AND n.cluster_id = c.id AND n.kind = 'Node' AND n.removed_at IS NULL)::int
              AS nodes,
            EXISTS (SELECT 1 FROM reports w
                     WHERE w.org_id = c.org_id AND w.cluster_id = c.id AND w.type = 'workloads'
                       AND w.status = 'processed') AS inventory_processed
       FROM clusters c
       LEFT JOIN LATERAL (
         SELECT received_at FROM reports r
          WHERE r.org_id = c.org_id AND r.cluster_id = c.id
          ORDER BY received_at DESC LIMIT 1
       ) last ON true
       LEFT JOIN LATERAL (
         SELECT agent_version FROM reports r
          WHERE r.org_id = c.org_id AND r.cluster_id = c.id AND r.agent_version IS NOT NULL
          ORDER BY received_at DESC LIMIT 1
       ) agent ON true
       LEFT JOIN LATERAL (
         SELECT chart_version FROM reports r
          WHERE r.org_id = c.org_id AND r.cluster_id = c.id AND r.chart_version IS NOT NULL
          ORDER BY received_at DESC LIMIT 1
       ) chart ON true
      WHERE c.org_id = $1`,
    [orgId],
  );
  return new Map(
    rows.map((r) => [
      r.cluster_id,
      {
        lastReportAt: r.last_report_at,
        agentVersion: r.agent_version,
        chartVersion: r.chart_version,
        nodes: r.nodes,
        inventoryProcessed: r.inventory_processed,
      },
    ]),
  );
}

/** The latest `installation` upload of a cluster; `body` is null when it is larger than asked for. */
export type TInstallationReport = {
  id: string;
  clusterId: string;
  receivedAt: Date;
  sizeBytes: number;
  body: Buffer | null;
};

/** Per cluster, its latest installation report (the agent's Helm values and chart version). */
export async function latestInstallationReports(
  orgId: string,
  maxBodyBytes: number,
): Promise<Map<string, TInstallationReport>> {
  const { rows } = await pool.query<{
    id: string;
    cluster_id: string;
    received_at: Date;
    size_bytes: number;
    body: Buffer | null;
  }>(
    `SELECT DISTINCT ON (cluster_id) id, cluster_id, received_at, size_bytes,
            CASE WHEN size_bytes <= $2 THEN body END AS body
       FROM reports
      WHERE org_id = $1 AND type = 'installation'
      ORDER BY cluster_id, received_at DESC, id DESC`,
    [orgId, maxBodyBytes],
  );
  return new Map(
    rows.map((r) => [
      r.cluster_id,
      { id: r.id, clusterId: r.cluster_id, receivedAt: r.received_at, sizeBytes: r.size_bytes, body: r.body },
    ]),
  );
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

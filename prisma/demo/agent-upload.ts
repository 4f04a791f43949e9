import "server-only";
import { authenticateClusterRequest } from "@/lib/ingest/authenticate-cluster";
import { processReport } from "@/lib/worker/process-report";
import { receiveReport } from "@/lib/ingest/receive-report";
import { AGENT_HEADERS } from "@/lib/ingest/store-report";
import { pool } from "@/lib/server/db";
import type { TDemoReport } from "./reports";

// Demo reports enter Bumpers the way an agent's do: its cluster token and headers, the upload
// path of POST /v0/organizations/{org}/clusters/{cluster}/data/{type}, then the worker's processing.

export type TDemoAgent = {
  orgSlug: string;
  clusterSlug: string;
  token: string;
  agentVersion: string;
  chartVersion: string;
};

const WORKER_WAIT_MS = 30_000;

/** When a running worker claimed the report first, its outcome. */
async function outcomeOf(reportId: string): Promise<{ status: string; error: string | null }> {
  const deadline = Date.now() + WORKER_WAIT_MS;
  for (;;) {
    const { rows } = await pool.query<{ status: string; error: string | null }>(
      `SELECT status, error FROM reports WHERE id = $1`,
      [reportId],
    );
    if (rows[0].status !== "received" || Date.now() > deadline) return rows[0];
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Uploads one report as the cluster's agent and processes it at once; throws if it is not processed. */
export async function uploadAsAgent(agent: TDemoAgent, report: TDemoReport): Promise<void> {
  const headers = new Headers({
    Authorization: `Bearer ${agent.token}`,
    "Content-Type": "application/json",
    [AGENT_HEADERS.agentVersion]: agent.agentVersion,
    [AGENT_HEADERS.chartVersion]: agent.chartVersion,
  });
  if (report.reportVersion) headers.set(AGENT_HEADERS.reportVersion, report.reportVersion);
  const path = `/v0/organizations/${agent.orgSlug}/clusters/${agent.clusterSlug}/data/${report.type}`;
  const request = new Request(`http://localhost${path}`, { method: "POST", headers });
  const { orgId, clusterId } = await authenticateClusterRequest(request, agent.orgSlug, agent.clusterSlug);
  const { reportId } = await receiveReport({ orgId, clusterId, type: report.type, body: report.body, headers });
  const outcome = (await processReport(reportId)) ?? (await outcomeOf(reportId));
  if (outcome.status !== "processed") {
    throw new Error(
      `The demo ${report.type} report of ${agent.clusterSlug} was not processed: ${outcome.error ?? outcome.status}`,
    );
  }
}

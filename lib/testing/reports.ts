import { storeReport } from "@/lib/ingest/store-report";
import { processReport } from "@/lib/worker/process-report";

/**
 * A report through the real path, as an agent's upload and the worker would take it: stored, then
 * processed (a duplicate of a stored report is not processed again).
 */
export async function storeAndProcess(orgId: string, clusterId: string, type: string, body: Buffer | string) {
  const stored = await storeReport({ orgId, clusterId, type, body: Buffer.from(body), headers: new Headers() });
  const outcome = stored.duplicate ? undefined : await processReport(stored.reportId);
  return { stored, outcome };
}

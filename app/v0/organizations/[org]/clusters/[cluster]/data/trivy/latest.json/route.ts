import { json, withErrors } from "@/lib/api/http";
import { authenticateClusterRequest } from "@/lib/ingest/authenticate-cluster";
import { minimizeTrivyReport } from "@/lib/ingest/parsers/trivy";
import { latestTrivyImages } from "@/lib/ingest/queries";

type TParams = { org: string; cluster: string };

/** The insights-agent's Trivy plugin reads back what we hold, to rescan only what changed. */
export const GET = withErrors<TParams>(async (req, _requestId, params) => {
  const { orgId, clusterId } = await authenticateClusterRequest(req, params.org, params.cluster);
  const { images, receivedAt } = await latestTrivyImages(orgId, clusterId);
  return json(minimizeTrivyReport(images, { lastScan: receivedAt.toISOString() }));
});

import { json, withErrors } from "@/lib/api/http";
import { authenticateClusterRequest } from "@/lib/ingest/authenticate-cluster";
import { readReportBody } from "@/lib/ingest/read-body";
import { parseReportType } from "@/lib/ingest/report-type";
import { storeFailure } from "@/lib/ingest/store-failure";

type TParams = { org: string; cluster: string; type: string };

/** The agent reports a failed job here; the body is text whatever its Content-Type. */
export const POST = withErrors<TParams>(async (req, _requestId, params) => {
  const { orgId, clusterId } = await authenticateClusterRequest(req, params.org, params.cluster);
  const type = parseReportType(params.type);
  const body = await readReportBody(req);
  await storeFailure({ orgId, clusterId, type, body });
  return json({ Success: true });
});

import { json, withErrors } from "@/lib/api/http";
import { authenticateClusterRequest } from "@/lib/ingest/authenticate-cluster";
import { readReportBody } from "@/lib/ingest/read-body";
import { parseReportType } from "@/lib/ingest/report-type";
import { receiveReport } from "@/lib/ingest/receive-report";
import { assertUploadRoom } from "@/lib/quotas/enforce";

type TParams = { org: string; cluster: string; type: string };

/** The insights-agent's report upload; it checks for exactly {"Success":true}. */
export const POST = withErrors<TParams>(async (req, _requestId, params) => {
  const { orgId, clusterId } = await authenticateClusterRequest(req, params.org, params.cluster);
  // Checked before the body is read, so a bad URL does not cost a 50 MB upload.
  const type = parseReportType(params.type);
  // An organization past its storage quota is told so before it sends the body.
  await assertUploadRoom(orgId);
  const body = await readReportBody(req);
  await receiveReport({ orgId, clusterId, type, body, headers: req.headers });
  return json({ Success: true });
});

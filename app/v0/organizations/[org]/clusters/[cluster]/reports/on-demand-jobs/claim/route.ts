import { json, withErrors } from "@/lib/api/http";
import { authenticateClusterRequest } from "@/lib/ingest/authenticate-cluster";

type TParams = { org: string; cluster: string };

/** The agent polls for on-demand jobs; Bumpers schedules none, so the queue is always empty. */
export const POST = withErrors<TParams>(async (req, _requestId, params) => {
  await authenticateClusterRequest(req, params.org, params.cluster);
  return json([]);
});

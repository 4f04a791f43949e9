import { INSIGHTS_ADMISSION_CONFIGURATION } from "@/lib/admission/insights-admission";
import { authenticateClusterRequest } from "@/lib/ingest/authenticate-cluster";
import { json, withErrors } from "@/lib/api/http";

type TParams = { org: string; cluster: string };

/** The Fairwinds insights-admission controller's configuration (lib/admission/insights-admission.ts). */
export const GET = withErrors<TParams>(async (req, _requestId, params) => {
  await authenticateClusterRequest(req, params.org, params.cluster, "admission");
  return json(INSIGHTS_ADMISSION_CONFIGURATION);
});

import { reviewAndRecord } from "@/lib/admission/handle-review";
import { insightsAnswer, parseInsightsSubmission } from "@/lib/admission/insights-admission";
import { authenticateClusterRequest } from "@/lib/ingest/authenticate-cluster";
import { readReportBody } from "@/lib/ingest/read-body";
import { json, withErrors } from "@/lib/api/http";

type TParams = { org: string; cluster: string };

/** The reports the object's own tools made, with the AdmissionRequest; an AdmissionReview's worth is a few MB at most. */
const MAX_SUBMISSION_BYTES = 4 * 1024 * 1024;

/**
 * One admission review from the Fairwinds insights-admission controller: decided and recorded like
 * a review sent straight to /api/v1/admission/<cluster> (docs/admission.md).
 */
export const POST = withErrors<TParams>(async (req, _requestId, params) => {
  const principal = await authenticateClusterRequest(req, params.org, params.cluster, "admission");
  const body = await readReportBody(req, MAX_SUBMISSION_BYTES);
  const request = await parseInsightsSubmission(body, req.headers.get("content-type") ?? "");
  if (!request) {
    return json({
      Success: true,
      ActionItems: [],
      Message: "[bumpers] This admission controller sends no metadata report; upgrade the insights-admission chart.",
    });
  }
  return json(insightsAnswer(await reviewAndRecord(principal, request)));
});

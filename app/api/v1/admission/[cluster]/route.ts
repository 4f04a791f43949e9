import { authenticateAdmissionRequest } from "@/lib/admission/authenticate";
import { MAX_ADMISSION_BYTES, parseAdmissionReview } from "@/lib/admission/parse-review";
import { reviewAdmission } from "@/lib/admission/review";
import { readReportBody } from "@/lib/ingest/read-body";
import { json, withErrors } from "@/lib/server/http";

type TParams = { cluster: string };

/**
 * The validating admission webhook (docs/admission.md). Dry-run requests are evaluated the same:
 * decisions are not recorded in this version, so there is no side effect for dry run to skip.
 */
export const POST = withErrors<TParams>(async (req, _requestId, params) => {
  await authenticateAdmissionRequest(req, params.cluster);
  const body = await readReportBody(req, MAX_ADMISSION_BYTES);
  const request = parseAdmissionReview(body.toString("utf8"));
  return json(reviewAdmission(request));
});

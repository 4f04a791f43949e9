import { authenticateAdmissionRequest } from "@/lib/admission/authenticate";
import { handleAdmissionReview } from "@/lib/admission/handle-review";
import { MAX_ADMISSION_BYTES, parseAdmissionReview } from "@/lib/admission/parse-review";
import { readReportBody } from "@/lib/ingest/read-body";
import { json, withErrors } from "@/lib/api/http";

type TParams = { cluster: string };

/** The validating admission webhook (docs/admission.md). */
export const POST = withErrors<TParams>(async (req, _requestId, params) => {
  const principal = await authenticateAdmissionRequest(req, params.cluster);
  const body = await readReportBody(req, MAX_ADMISSION_BYTES);
  const request = parseAdmissionReview(body.toString("utf8"));
  return json(await handleAdmissionReview(principal, request));
});

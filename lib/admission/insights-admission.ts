import { AppError } from "@/lib/server/errors";
import { parseAdmissionJson } from "./parse-review";
import {
  MAX_WARNING_LENGTH,
  shortFix,
  truncate,
  ZAdmissionRequest,
  type TAdmissionDecision,
  type TAdmissionRequest,
} from "./review";

// Fairwinds' in-cluster admission controller (the insights-admission Helm chart) serves the API
// server's webhook inside the cluster, with its own certificate, and asks its SaaS for every
// decision. Speaking its two calls lets that chart use Bumpers unchanged, which is also how
// clusters whose API server cannot send Bumpers a token (EKS, GKE, AKS) get admission reviews:
// - GET  /v0/organizations/<org>/clusters/<cluster>/data/admission/configuration
// - POST /v0/organizations/<org>/clusters/<cluster>/data/admission/submit (multipart, one file per
//   report; the `metadata` file is the AdmissionRequest itself), answered
//   {"Success": allowed, "ActionItems": [{"Title", "Failure"}], "Message"}: the controller denies
//   with the titles of failing items and warns with the others.

/**
 * The controller's configuration: which of its own tools to run before submitting. Bumpers decides
 * with its own checks from the `metadata` report alone, so the controller runs none of them (its
 * Polaris, with no configuration here, falls back to the chart's, for its optional mutations).
 */
export const INSIGHTS_ADMISSION_CONFIGURATION = {
  Reports: { Polaris: false, Pluto: false, OPA: false },
  OPA: { CustomChecks: [], CustomCheckInstances: [] },
  Polaris: null,
} as const;

export type TInsightsAdmissionAnswer = {
  Success: boolean;
  ActionItems: { Title: string; Failure: boolean }[];
  Message: string;
};

/** At most this many items: each becomes a kubectl warning line. */
const MAX_ITEMS = 10;

/**
 * The AdmissionRequest in a submission, or null when the controller sent none (versions before the
 * `metadata` report): such a request is allowed with a message saying to upgrade the chart.
 */
export async function parseInsightsSubmission(body: Buffer, contentType: string): Promise<TAdmissionRequest | null> {
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) {
    throw new AppError("bad_request", "Send the reports as multipart/form-data, as the admission controller does.");
  }
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
  } catch (err) {
    throw new AppError("bad_request", `The multipart body cannot be read: ${(err as Error).message}`);
  }
  const part = form.get("metadata");
  if (part === null) return null;
  const text = typeof part === "string" ? part : await part.text();
  const json = parseAdmissionJson(text, "The metadata report");
  const parsed = ZAdmissionRequest.safeParse(json);
  if (!parsed.success) {
    throw new AppError("bad_request", "The metadata report is not an admission.k8s.io/v1 AdmissionRequest.", {
      issues: parsed.error.issues.slice(0, 10).map((issue) => ({ path: issue.path.join("."), message: issue.message })),
    });
  }
  return parsed.data;
}

/** The decision in the controller's words: blocking checks as failing items, the rest as warnings. */
export function insightsAnswer(decision: TAdmissionDecision): TInsightsAdmissionAnswer {
  const denied = decision.outcome === "denied";
  const items = decision.failing.map((result) => {
    const what = result.failures.map((failure) => failure.message).join(" ");
    const failure = denied && result.blocks;
    const label = result.blocks && decision.passive ? "would deny" : result.severity;
    const title = failure
      ? `${result.checkId} (${result.title}): ${what} Fix: ${shortFix(result.checkId)}`
      : `[bumpers] ${label} ${result.checkId}: ${what}`;
    // Warnings are read one per line in a terminal; a denial names its fix, so it may run longer.
    return { Title: truncate(title, failure ? 4 * MAX_WARNING_LENGTH : MAX_WARNING_LENGTH), Failure: failure };
  });
  // Failing items first: the controller's denial message is theirs, and a cut must never drop one.
  items.sort((a, b) => Number(b.Failure) - Number(a.Failure));
  const shown = items.slice(0, MAX_ITEMS);
  const more = items.length - shown.length;
  return {
    Success: !denied,
    ActionItems: shown,
    Message: more > 0 ? `[bumpers] …and ${more} more` : "",
  };
}

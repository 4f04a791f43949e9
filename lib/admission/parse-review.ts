import { AppError } from "@/lib/server/errors";
import { cleanJsonStrings } from "@/lib/server/text-safety";
import { ZAdmissionReview } from "./review";
import type { TAdmissionRequest } from "./review";

/** An AdmissionReview body is one object; real ones are a few KB, the API server caps requests at 3 MB. */
export const MAX_ADMISSION_BYTES = 1024 * 1024;

function uidOf(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const request = (body as { request?: unknown }).request;
  if (typeof request !== "object" || request === null) return undefined;
  const uid = (request as { uid?: unknown }).uid;
  return typeof uid === "string" && uid.length <= 128 ? uid : undefined;
}

/**
 * The JSON of an admission body with every string cleaned for PostgreSQL (NUL removed, lone
 * surrogates replaced with U+FFFD; see lib/server/text-safety.ts). A NUL in an image, a label or
 * a username used to fail recording the decision with a 500, which the documented
 * `failurePolicy: Ignore` turns into an object admitted unchecked; cleaned, it is evaluated and
 * recorded like any other. Removing a NUL never hides a failing value from a check: the checks
 * look at the same text without it.
 */
export function parseAdmissionJson(text: string, what: string): unknown {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (err) {
    throw new AppError("bad_request", `${what} is not valid JSON: ${(err as Error).message}`);
  }
  try {
    return cleanJsonStrings(body).value;
  } catch (err) {
    // Nested deeper than the stack: no Kubernetes object is.
    if (!(err instanceof RangeError)) throw err;
    throw new AppError("bad_request", `${what} is nested too deeply.`);
  }
}

/** Parse the body text of an AdmissionReview; a bad body is a 400 that echoes the request uid when it has one. */
export function parseAdmissionReview(text: string): TAdmissionRequest {
  const body = parseAdmissionJson(text, "The body");
  const parsed = ZAdmissionReview.safeParse(body);
  if (!parsed.success) {
    const uid = uidOf(body);
    throw new AppError("bad_request", "The body is not an admission.k8s.io/v1 AdmissionReview request.", {
      ...(uid ? { uid } : {}),
      issues: parsed.error.issues.slice(0, 10).map((issue) => ({ path: issue.path.join("."), message: issue.message })),
    });
  }
  return parsed.data.request;
}

import { AppError } from "@/lib/server/errors";
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

/** Parse the body text of an AdmissionReview; a bad body is a 400 that echoes the request uid when it has one. */
export function parseAdmissionReview(text: string): TAdmissionRequest {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (err) {
    throw new AppError("bad_request", `The body is not valid JSON: ${(err as Error).message}`);
  }
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

import { z } from "zod";
import { checkById } from "@/lib/policies/checks";
import { evaluateObject } from "@/lib/policies/evaluate";
import type { TKubernetesVersion } from "@/lib/policies/deprecations";
import type { TCheckResult, TKubeObject } from "@/lib/policies/types";

/** kubectl prints every warning on its own line; past these bounds they stop being read. */
export const MAX_WARNINGS = 10;
export const MAX_WARNING_LENGTH = 120;

const ZObject = z.record(z.string(), z.unknown());

/** The `request` of an `admission.k8s.io/v1` AdmissionReview; unknown fields are ignored. */
export const ZAdmissionRequest = z.object({
  uid: z.string().min(1).max(128),
  kind: z.object({ group: z.string(), version: z.string(), kind: z.string() }),
  resource: z.object({ group: z.string(), version: z.string(), resource: z.string() }),
  namespace: z.string().optional(),
  name: z.string().optional(),
  operation: z.enum(["CREATE", "UPDATE", "DELETE", "CONNECT"]),
  object: ZObject.nullish(),
  oldObject: ZObject.nullish(),
  dryRun: z.boolean().optional(),
  userInfo: z
    .object({ username: z.string().optional(), uid: z.string().optional(), groups: z.array(z.string()).optional() })
    .optional(),
});

export const ZAdmissionReview = z.object({
  apiVersion: z.literal("admission.k8s.io/v1"),
  kind: z.literal("AdmissionReview"),
  request: ZAdmissionRequest,
});

export type TAdmissionRequest = z.infer<typeof ZAdmissionRequest>;

export type TAdmissionReviewResponse = {
  apiVersion: "admission.k8s.io/v1";
  kind: "AdmissionReview";
  response: {
    uid: string;
    allowed: boolean;
    status?: { code: 403; message: string };
    warnings?: string[];
  };
};

export type TReviewOptions = { targetVersion?: TKubernetesVersion | null };

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The first line of a check's remediation: the admission message is read in a terminal, not rendered. */
function shortFix(checkId: string): string {
  const remediation = checkById(checkId)?.remediation ?? "";
  const firstLine = remediation.split("\n")[0]?.trim() ?? "";
  return firstLine.replace(/`/g, "");
}

/**
 * First version: only checks whose default severity is `critical` block. Which checks block in
 * admission will come from organization settings next; until then the default severity decides.
 */
function blocks(result: TCheckResult): boolean {
  return result.severity === "critical";
}

function warningLines(results: TCheckResult[]): string[] {
  const lines = results.flatMap((result) =>
    result.failures.map((failure) =>
      truncate(`[bumpers] ${result.severity} ${result.checkId}: ${failure.message}`, MAX_WARNING_LENGTH),
    ),
  );
  if (lines.length <= MAX_WARNINGS) return lines;
  const shown = lines.slice(0, MAX_WARNINGS - 1);
  return [...shown, `[bumpers] …and ${lines.length - shown.length} more`];
}

function denialMessage(blocking: TCheckResult[]): string {
  const parts = blocking.map((result) => {
    const what = result.failures.map((failure) => failure.message).join(" ");
    return `${result.checkId} (${result.title}): ${what} Fix: ${shortFix(result.checkId)}`;
  });
  return `Denied by Bumpers: ${parts.join(" | ")}`;
}

/** Evaluate one admission request with the policy engine and answer the API server. */
export function reviewAdmission(request: TAdmissionRequest, options: TReviewOptions = {}): TAdmissionReviewResponse {
  const answer = (response: Omit<TAdmissionReviewResponse["response"], "uid">): TAdmissionReviewResponse => ({
    apiVersion: "admission.k8s.io/v1",
    kind: "AdmissionReview",
    response: { uid: request.uid, ...response },
  });
  if (request.operation === "DELETE" || request.operation === "CONNECT" || !request.object) {
    return answer({ allowed: true });
  }
  // Objects of kinds no check applies to come back with no results: allowed, silently.
  const { results } = evaluateObject(request.object as TKubeObject, { targetVersion: options.targetVersion ?? null });
  const failing = results.filter((result) => result.failures.length > 0 && !result.exempted);
  const blocking = failing.filter(blocks);
  const warnings = warningLines(failing.filter((result) => !blocks(result)));
  if (blocking.length > 0) {
    return answer({
      allowed: false,
      status: { code: 403, message: denialMessage(blocking) },
      ...(warnings.length > 0 ? { warnings } : {}),
    });
  }
  return answer({ allowed: true, ...(warnings.length > 0 ? { warnings } : {}) });
}

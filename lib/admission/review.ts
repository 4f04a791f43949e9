import { z } from "zod";
import { BUILT_IN_CHECKS, checkById } from "@/lib/policies/checks";
import { defaultSetting, SEVERITY_RANK, type TCheckSetting } from "@/lib/policies/effective";
import { evaluateObject } from "@/lib/policies/evaluate";
import type { TKubernetesVersion } from "@/lib/policies/deprecations";
import type { TCheck, TCheckResult, TKubeObject } from "@/lib/policies/types";

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

/** What the org's settings say for this object: resolved by the caller, so deciding stays pure. */
export type TAdmissionPolicy = {
  /** Never deny: blocking checks only warn (and are recorded as "would deny"). */
  passive: boolean;
  /** The cluster's Kubernetes version, for the deprecation checks; without it they do not run. */
  targetVersion: TKubernetesVersion | null;
  /** The effective setting of a check for the object's team. */
  setting: (check: TCheck) => TCheckSetting;
  /** Why a check does not apply to this object (scope exemption, resolution in the app), or null. */
  exemption: (checkId: string) => string | null;
};

export const DEFAULT_ADMISSION_POLICY: TAdmissionPolicy = {
  passive: false,
  targetVersion: null,
  setting: defaultSetting,
  exemption: () => null,
};

export type TAdmissionOutcome = "allowed" | "warned" | "denied";

/** A failing check, with the severity the org's settings give it. */
export type TFailingCheck = TCheckResult & { blocks: boolean };

export type TAdmissionDecision = {
  /** False for DELETE, CONNECT and requests without an object: nothing was evaluated. */
  evaluated: boolean;
  outcome: TAdmissionOutcome;
  /** Passive mode let through what `blocking` would have denied. */
  passive: boolean;
  failing: TFailingCheck[];
  blocking: TFailingCheck[];
  exempted: { checkId: string; note: string }[];
  review: TAdmissionReviewResponse;
};

/** DELETE, CONNECT and requests without an object are allowed without evaluating anything. */
export function isEvaluable(request: TAdmissionRequest): boolean {
  return request.operation !== "DELETE" && request.operation !== "CONNECT" && Boolean(request.object);
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The first line of a check's remediation: the admission message is read in a terminal, not rendered. */
export function shortFix(checkId: string): string {
  const remediation = checkById(checkId)?.remediation ?? "";
  const firstLine = remediation.split("\n")[0]?.trim() ?? "";
  return firstLine.replace(/`/g, "");
}

function warningLines(results: readonly TFailingCheck[], passive: boolean): string[] {
  const lines = results.flatMap((result) =>
    result.failures.map((failure) => {
      const label = result.blocks && passive ? "would deny" : result.severity;
      return truncate(`[bumpers] ${label} ${result.checkId}: ${failure.message}`, MAX_WARNING_LENGTH);
    }),
  );
  if (lines.length <= MAX_WARNINGS) return lines;
  const shown = lines.slice(0, MAX_WARNINGS - 1);
  return [...shown, `[bumpers] …and ${lines.length - shown.length} more`];
}

function denialMessage(blocking: readonly TFailingCheck[]): string {
  const parts = blocking.map((result) => {
    const what = result.failures.map((failure) => failure.message).join(" ");
    return `${result.checkId} (${result.title}): ${what} Fix: ${shortFix(result.checkId)}`;
  });
  return `Denied by Bumpers: ${parts.join(" | ")}`;
}

/** The checks the org has on for this object, run once. */
function failingChecks(object: TKubeObject, policy: TAdmissionPolicy) {
  const settings = new Map<string, TCheckSetting>();
  const checks = BUILT_IN_CHECKS.filter((check) => {
    const setting = policy.setting(check);
    settings.set(check.id, setting);
    return setting.enabled;
  });
  const { results } = evaluateObject(object, { checks, targetVersion: policy.targetVersion });
  const failing: TFailingCheck[] = [];
  const exempted: { checkId: string; note: string }[] = [];
  for (const result of results) {
    if (result.failures.length === 0) continue;
    const exemption = result.exempted
      ? (result.exemptionNote ?? "Exempted by annotation")
      : policy.exemption(result.checkId);
    if (exemption) {
      exempted.push({ checkId: result.checkId, note: exemption });
      continue;
    }
    const setting = settings.get(result.checkId)!;
    failing.push({ ...result, severity: setting.severity, blocks: setting.blockAdmission });
  }
  // Most severe first: kubectl shows the first warnings, and the cut keeps the worst.
  failing.sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
  return { failing, exempted };
}

/** Evaluate one admission request with the policy engine and the org's settings, and answer the API server. */
export function decideAdmission(
  request: TAdmissionRequest,
  policy: TAdmissionPolicy = DEFAULT_ADMISSION_POLICY,
): TAdmissionDecision {
  const answer = (response: Omit<TAdmissionReviewResponse["response"], "uid">): TAdmissionReviewResponse => ({
    apiVersion: "admission.k8s.io/v1",
    kind: "AdmissionReview",
    response: { uid: request.uid, ...response },
  });
  if (!isEvaluable(request)) {
    const review = answer({ allowed: true });
    return { evaluated: false, outcome: "allowed", passive: false, failing: [], blocking: [], exempted: [], review };
  }
  // Objects of kinds no check applies to come back with no results: allowed, silently.
  const { failing, exempted } = failingChecks(request.object as TKubeObject, policy);
  const blocking = failing.filter((result) => result.blocks);
  const denies = blocking.length > 0 && !policy.passive;
  const warnings = warningLines(
    failing.filter((result) => !denies || !result.blocks),
    policy.passive,
  );
  const withWarnings = warnings.length > 0 ? { warnings } : {};
  const outcome: TAdmissionOutcome = denies ? "denied" : failing.length > 0 ? "warned" : "allowed";
  const review = denies
    ? answer({ allowed: false, status: { code: 403, message: denialMessage(blocking) }, ...withWarnings })
    : answer({ allowed: true, ...withWarnings });
  return {
    evaluated: true,
    outcome,
    passive: policy.passive && blocking.length > 0,
    failing,
    blocking,
    exempted,
    review,
  };
}

/** The answer alone, with the default settings (every check warns). */
export function reviewAdmission(
  request: TAdmissionRequest,
  policy: TAdmissionPolicy = DEFAULT_ADMISSION_POLICY,
): TAdmissionReviewResponse {
  return decideAdmission(request, policy).review;
}

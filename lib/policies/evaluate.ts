import { BUILT_IN_CHECKS } from "./checks";
import { EXEMPT_REASON_ANNOTATION, readExemptions } from "./exemptions";
import { extractPodTemplate } from "./pod-spec";
import type { TKubernetesVersion } from "./deprecations";
import type { TCheck, TCheckContext, TCheckResult, TEvaluation, TKubeObject } from "./types";

export type TEvaluateOptions = {
  /** The checks to run; every built-in check by default. */
  checks?: readonly TCheck[];
  /** Target cluster version for the deprecation checks; without it they are not run (not reported as passing). */
  targetVersion?: TKubernetesVersion | null;
};

function buildContext(object: TKubeObject, targetVersion: TKubernetesVersion | null): TCheckContext {
  const template = extractPodTemplate(object);
  return {
    object,
    kind: typeof object.kind === "string" ? object.kind : "",
    podSpec: template?.spec ?? null,
    podSpecPath: template?.path ?? null,
    containers: template?.containers ?? [],
    targetVersion,
  };
}

/**
 * Run the checks that apply to the object's kind. Every applicable check gets a result (no failures means it
 * passed); a check the object is exempted from by annotation still reports its failures, marked exempted.
 */
export function evaluateObject(object: TKubeObject, options: TEvaluateOptions = {}): TEvaluation {
  const ctx = buildContext(object, options.targetVersion ?? null);
  const exemptions = readExemptions(object);
  const results: TCheckResult[] = [];
  for (const check of options.checks ?? BUILT_IN_CHECKS) {
    if (check.appliesTo !== "all" && !check.appliesTo.includes(ctx.kind)) continue;
    if (check.category === "deprecation" && !ctx.targetVersion) continue;
    const result: TCheckResult = {
      checkId: check.id,
      severity: check.defaultSeverity,
      category: check.category,
      title: check.title,
      failures: check.evaluate(ctx),
      exempted: false,
    };
    if (exemptions.checkIds.has(check.id)) {
      if (exemptions.reason) {
        result.exempted = true;
        result.exemptionNote = `Exempted by annotation: ${exemptions.reason}`;
      } else {
        result.exemptionNote = `Not exempted: the ${EXEMPT_REASON_ANNOTATION} annotation is required to explain the exemption.`;
      }
    }
    results.push(result);
  }
  return { results };
}

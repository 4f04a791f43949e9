import { BUILT_IN_CHECKS } from "../policies/checks";
import type { TKubernetesVersion } from "../policies/deprecations";
import { evaluateObject } from "../policies/evaluate";
import { exemptionByRule } from "../policies/exemptions";
import type { TCheck, TCheckFailure, TCheckResult } from "../policies/types";
import type { TManifest } from "./parse-manifests";
import type { TPolicySettings } from "./schemas";

/** Which checks run and block: from --block alone, or from the server's settings. */
export type TPolicy = { source: "local"; block: Set<string> | "all" } | { source: "server"; settings: TPolicySettings };

export type TReportFailure = TCheckFailure & { line: number };

export type TReportResult = Omit<TCheckResult, "failures"> & {
  failures: TReportFailure[];
  /** Failing, not exempted, and set to block: it makes the exit code 1. */
  blocking: boolean;
};

/** Where an object of the manifests is: its file and line, and what it is. */
export type TObjectLocation = {
  file: string;
  line: number;
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
};

export type TReportObject = TObjectLocation & { results: TReportResult[] };

export type TReportSummary = {
  objects: number;
  /** Checks that failed and are not exempted, blocking or not. */
  failing: number;
  blocking: number;
  /** Checks that failed but are exempted (annotation with a reason, or resolved in Bumpers). */
  exempted: number;
};

export type TReport = {
  objects: TReportObject[];
  /** Every check that ran on at least one object, for the SARIF rules. */
  checks: TCheck[];
  summary: TReportSummary;
};

export const RESOLVED_IN_BUMPERS = "Resolved in Bumpers";

export function isFailing(result: Pick<TReportResult, "failures">): boolean {
  return result.failures.length > 0;
}

function resolutionKey(checkId: string, namespace: string, kind: string, name: string): string {
  return [checkId, namespace, kind, name].join("\u0000");
}

/** The checks to run and how each one is set, once for the whole run. */
function preparePolicy(policy: TPolicy) {
  if (policy.source === "local") {
    return {
      checks: BUILT_IN_CHECKS,
      severityOf: (check: TCheck) => check.defaultSeverity,
      blocks: (checkId: string) => policy.block === "all" || policy.block.has(checkId),
      exemption: (): string | null => null,
    };
  }
  const { settings } = policy;
  const byId = new Map(settings.checks.map((setting) => [setting.id, setting]));
  const resolutions = new Set(settings.resolutions.map((r) => resolutionKey(r.checkId, r.namespace, r.kind, r.name)));
  return {
    // A check the server does not list (a CLI newer than the server) runs with its defaults and does not block.
    checks: BUILT_IN_CHECKS.filter((check) => byId.get(check.id)?.enabled ?? true),
    severityOf: (check: TCheck) => byId.get(check.id)?.severity ?? check.defaultSeverity,
    blocks: (checkId: string) => !settings.passive && (byId.get(checkId)?.blockCi ?? false),
    /** Why the org exempts this check on this object (a resolution in the app, an exemption rule), or null. */
    exemption: (checkId: string, manifest: TManifest): string | null => {
      if (resolutions.has(resolutionKey(checkId, manifest.namespace, manifest.kind, manifest.name)))
        return RESOLVED_IN_BUMPERS;
      return exemptionByRule(settings.exemptions, checkId, manifest);
    },
  };
}

/** Evaluate every manifest under the policy and total the results. */
export function runChecks(
  manifests: readonly TManifest[],
  options: { policy: TPolicy; targetVersion: TKubernetesVersion | null },
): TReport {
  const prepared = preparePolicy(options.policy);
  const checksById = new Map(prepared.checks.map((check) => [check.id, check]));
  const ran = new Set<string>();
  const summary: TReportSummary = { objects: manifests.length, failing: 0, blocking: 0, exempted: 0 };

  const objects = manifests.map((manifest): TReportObject => {
    const evaluation = evaluateObject(manifest.object, {
      checks: prepared.checks,
      targetVersion: options.targetVersion,
    });
    const results = evaluation.results.map((result): TReportResult => {
      ran.add(result.checkId);
      const check = checksById.get(result.checkId);
      const failures = result.failures.map((failure) => ({ ...failure, line: manifest.lineOf(failure.path) }));
      let { exempted, exemptionNote } = result;
      const orgExemption = !exempted && failures.length > 0 ? prepared.exemption(result.checkId, manifest) : null;
      if (orgExemption) {
        exempted = true;
        exemptionNote = orgExemption;
      }
      const failing = failures.length > 0 && !exempted;
      const blocking = failing && prepared.blocks(result.checkId);
      if (failing) summary.failing += 1;
      if (blocking) summary.blocking += 1;
      if (failures.length > 0 && exempted) summary.exempted += 1;
      return {
        ...result,
        severity: check ? prepared.severityOf(check) : result.severity,
        failures,
        exempted,
        ...(exemptionNote ? { exemptionNote } : {}),
        blocking,
      };
    });
    return {
      file: manifest.file,
      line: manifest.line,
      apiVersion: manifest.apiVersion,
      kind: manifest.kind,
      namespace: manifest.namespace,
      name: manifest.name,
      results,
    };
  });

  return { objects, checks: prepared.checks.filter((check) => ran.has(check.id)), summary };
}

import { createHash } from "node:crypto";
import type { Location, Log, ReportingDescriptor, Result } from "sarif";
import type { TCheck, TCheckSeverity } from "../policies/types";
import { NO_NAMESPACE, objectLabel } from "./format-table";
import { RESOLVED_IN_BUMPERS, type TReport, type TReportObject } from "./run-checks";

export const SARIF_SCHEMA_URI =
  "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

const DEFAULT_LEVEL: Record<TCheckSeverity, "error" | "warning" | "note"> = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "note",
};

/** GitHub code scanning shows security rules as Critical/High/Medium/Low from this 0–10 score. */
const SECURITY_SEVERITY: Record<TCheckSeverity, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0" };

/** Piped input has no file in the repository; "stdin" keeps the URI valid (name it with --stdin-name). */
function artifactUri(file: string): string {
  return file === "<stdin>" ? "stdin" : encodeURI(file);
}

/** Stable across line moves and reformatting: the same check on the same field of the same object. */
function fingerprint(checkId: string, object: TReportObject, path: string): string {
  return createHash("sha256")
    .update([checkId, object.kind, object.namespace, object.name, path].join("\u0000"))
    .digest("hex");
}

function effectiveSeverities(report: TReport): Map<string, TCheckSeverity> {
  const severities = new Map<string, TCheckSeverity>();
  for (const object of report.objects) {
    for (const result of object.results) {
      if (!severities.has(result.checkId)) severities.set(result.checkId, result.severity);
    }
  }
  return severities;
}

function toRule(check: TCheck, severity: TCheckSeverity): ReportingDescriptor {
  const tags = ["kubernetes", check.category];
  if (check.category === "security") tags.push("security");
  return {
    id: check.id,
    name: check.id.charAt(0).toUpperCase() + check.id.slice(1),
    shortDescription: { text: check.title },
    fullDescription: { text: check.description },
    help: { text: check.remediation, markdown: check.remediation },
    defaultConfiguration: { level: DEFAULT_LEVEL[severity] },
    properties: {
      tags: [...new Set(tags)],
      category: check.category,
      severity,
      ...(check.category === "security" ? { "security-severity": SECURITY_SEVERITY[severity] } : {}),
    },
  };
}

/**
 * SARIF 2.1.0 for GitHub code scanning (github/codeql-action/upload-sarif) and other SARIF viewers:
 * one rule per check that ran, so an alert closes when its check passes again; one result per failure,
 * located at the offending field. Exempted failures are kept as suppressed results.
 */
export function toSarif(report: TReport, meta: { version: string }): Log {
  const severities = effectiveSeverities(report);
  const rules = report.checks.map((check) => toRule(check, severities.get(check.id) ?? check.defaultSeverity));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results: Result[] = [];
  for (const object of report.objects) {
    const label = objectLabel(object);
    for (const result of object.results) {
      for (const failure of result.failures) {
        const location: Location = {
          physicalLocation: {
            artifactLocation: { uri: artifactUri(object.file) },
            region: { startLine: failure.line },
          },
          logicalLocations: [
            {
              name: object.name,
              fullyQualifiedName: `${object.kind}/${object.namespace || NO_NAMESPACE}/${object.name}`,
              kind: "object",
            },
          ],
        };
        results.push({
          ruleId: result.checkId,
          ruleIndex: ruleIndex.get(result.checkId),
          level: result.blocking ? "error" : result.severity === "low" ? "note" : "warning",
          message: { text: `${label}: ${failure.message}` },
          locations: [location],
          partialFingerprints: { "bumpersCheck/v1": fingerprint(result.checkId, object, failure.path) },
          properties: {
            severity: result.severity,
            category: result.category,
            blocking: result.blocking,
            kind: object.kind,
            namespace: object.namespace,
            name: object.name,
            path: failure.path,
            ...(failure.container !== undefined ? { container: failure.container } : {}),
          },
          ...(result.exempted
            ? {
                suppressions: [
                  {
                    kind: result.exemptionNote === RESOLVED_IN_BUMPERS ? ("external" as const) : ("inSource" as const),
                    status: "accepted" as const,
                    justification: result.exemptionNote ?? "Exempted",
                  },
                ],
              }
            : {}),
        });
      }
    }
  }
  return {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "Bumpers", version: meta.version, semanticVersion: meta.version, rules } },
        results,
      },
    ],
  };
}

export function formatSarif(report: TReport, meta: { version: string }): string {
  return `${JSON.stringify(toSarif(report, meta), null, 2)}\n`;
}

import type { TObjectLocation, TReport, TReportSummary } from "./run-checks";

/**
 * The `--format json` document. Its shape is part of the CLI's contract (docs/ci.md): fields are
 * only ever added, and `schemaVersion` changes if one is ever removed or changes meaning.
 */
export type TJsonReport = {
  schemaVersion: 1;
  tool: { name: "bumpers"; version: string };
  /** "1.29" as given with --target-version; null when the deprecation checks did not run. */
  targetVersion: string | null;
  /** Where the settings came from: defaults and --block, or the Bumpers server. */
  policy: "local" | "server";
  objects: (TObjectLocation & {
    /** Every check that ran on the object; `failures` is empty when it passed. */
    results: {
      checkId: string;
      severity: string;
      category: string;
      title: string;
      failures: { container?: string; path: string; line: number; message: string }[];
      blocking: boolean;
      exempted: boolean;
      exemptionNote?: string;
    }[];
  })[];
  summary: TReportSummary;
};

export function toJsonReport(
  report: TReport,
  meta: { version: string; targetVersion: string | null; policy: "local" | "server" },
): TJsonReport {
  return {
    schemaVersion: 1,
    tool: { name: "bumpers", version: meta.version },
    targetVersion: meta.targetVersion,
    policy: meta.policy,
    objects: report.objects.map((object) => ({
      file: object.file,
      line: object.line,
      apiVersion: object.apiVersion,
      kind: object.kind,
      namespace: object.namespace,
      name: object.name,
      results: object.results.map((result) => ({
        checkId: result.checkId,
        severity: result.severity,
        category: result.category,
        title: result.title,
        failures: result.failures.map((failure) => ({
          ...(failure.container !== undefined ? { container: failure.container } : {}),
          path: failure.path,
          line: failure.line,
          message: failure.message,
        })),
        blocking: result.blocking,
        exempted: result.exempted,
        ...(result.exemptionNote ? { exemptionNote: result.exemptionNote } : {}),
      })),
    })),
    summary: report.summary,
  };
}

export function formatJson(report: TReport, meta: Parameters<typeof toJsonReport>[1]): string {
  return `${JSON.stringify(toJsonReport(report, meta), null, 2)}\n`;
}

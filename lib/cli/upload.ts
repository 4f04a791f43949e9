import { SEVERITY_RANK } from "../domain/severity";
import { isFailing, type TReport } from "./run-checks";
import type { TScanUpload, TScanUploadResult } from "./schemas";
import type { TScmContext } from "./scm-context";

/** The server's cap on one upload; past it, the most important results are the ones sent. */
export const MAX_UPLOAD_RESULTS = 5000;
/** The server's bounds on one result's messages. */
const MAX_MESSAGES = 50;
const MAX_MESSAGE_LENGTH = 1000;

function clampMessage(message: string): string {
  return message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : message;
}

/**
 * The failing, not exempted checks of a run, as POST /api/v1/ci/scan-results takes them. Checks the
 * server did not list (a CLI newer than the server) are left out: the server would refuse the upload.
 */
export function buildUpload(
  report: TReport,
  scm: { [K in keyof TScmContext]: string },
  serverCheckIds: ReadonlySet<string> | null = null,
): { upload: TScanUpload; total: number; unknownToServer: number } {
  const results: TScanUploadResult[] = [];
  let unknownToServer = 0;
  for (const object of report.objects) {
    for (const result of object.results) {
      if (!isFailing(result) || result.exempted) continue;
      if (serverCheckIds && !serverCheckIds.has(result.checkId)) {
        unknownToServer += 1;
        continue;
      }
      results.push({
        checkId: result.checkId,
        severity: result.severity,
        category: result.category,
        title: result.title,
        namespace: object.namespace,
        kind: object.kind,
        name: object.name,
        file: object.file,
        line: object.line,
        messages: result.failures.slice(0, MAX_MESSAGES).map((failure) => clampMessage(failure.message)),
        blocking: result.blocking,
      });
    }
  }
  const total = results.length;
  if (total > MAX_UPLOAD_RESULTS) {
    // Stable sort: within a rank, results keep the order of the files.
    results.sort(
      (a, b) => Number(b.blocking) - Number(a.blocking) || SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity],
    );
  }
  return {
    upload: {
      repository: scm.repository,
      branch: scm.branch,
      commit: scm.commit,
      results: results.slice(0, MAX_UPLOAD_RESULTS),
    },
    total,
    unknownToServer,
  };
}

import { SEVERITY_RANK } from "../domain/severity";
import { checkById } from "../policies/checks";
import { isFailing, type TReport, type TReportObject, type TReportResult } from "./run-checks";

export const NO_NAMESPACE = "(no namespace)";

type TPaint = (text: string) => string;
export type TColors = { red: TPaint; yellow: TPaint; dim: TPaint; bold: TPaint; green: TPaint; cyan: TPaint };

const ansi =
  (open: number, close: number): TPaint =>
  (text) =>
    `\u001b[${open}m${text}\u001b[${close}m`;
const plain: TPaint = (text) => text;

export function makeColors(enabled: boolean): TColors {
  if (!enabled) return { red: plain, yellow: plain, dim: plain, bold: plain, green: plain, cyan: plain };
  return {
    red: ansi(31, 39),
    yellow: ansi(33, 39),
    dim: ansi(2, 22),
    bold: ansi(1, 22),
    green: ansi(32, 39),
    cyan: ansi(36, 39),
  };
}

/** `Deployment shop/web`, or `Deployment (no namespace)/web` for helm output that leaves it to the install. */
export function objectLabel(object: Pick<TReportObject, "kind" | "namespace" | "name">): string {
  return `${object.kind} ${object.namespace || NO_NAMESPACE}/${object.name || "(no name)"}`;
}

/** The first line of a check's remediation: the instruction, without the YAML snippet it introduces. */
export function remediationHeadline(checkId: string): string | null {
  const remediation = checkById(checkId)?.remediation;
  if (!remediation) return null;
  const first = remediation.split("\n").find((line) => line.trim() !== "") ?? "";
  return first.trim().replace(/:$/, ".");
}

function shownResults(object: TReportObject): TReportResult[] {
  return object.results
    .filter(isFailing)
    .sort(
      (a, b) =>
        Number(a.exempted) - Number(b.exempted) ||
        Number(b.blocking) - Number(a.blocking) ||
        SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
        a.checkId.localeCompare(b.checkId),
    );
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

export function summaryLine(report: TReport, colors: TColors): string {
  const { objects, failing, blocking, exempted } = report.summary;
  const checked = `Checked ${plural(objects, "object")}`;
  const exemptedText = exempted > 0 ? `, ${exempted} exempted` : "";
  if (failing === 0) return colors.green(`${checked}: no failing checks${exemptedText}.`);
  const blockingText = blocking > 0 ? colors.red(`${blocking} blocking`) : "none blocking";
  return `${checked}: ${plural(failing, "failing check")} (${blockingText})${exemptedText}.`;
}

/** The human-readable report: one block per object with failing or exempted checks, then a summary line. */
export function formatTable(report: TReport, options: { colors: TColors; targetVersionSet: boolean }): string {
  const { colors } = options;
  const lines: string[] = [];
  for (const object of report.objects) {
    const results = shownResults(object);
    if (results.length === 0) continue;
    lines.push(`${colors.bold(objectLabel(object))}  ${colors.dim(`(${object.file}:${object.line})`)}`);
    const idWidth = Math.max(...results.map((result) => result.checkId.length));
    const indent = " ".repeat(2 + 9 + 10 + idWidth + 2);
    for (const result of results) {
      const status = result.exempted ? "exempted" : result.blocking ? "BLOCKING" : "warning";
      const paintStatus = result.exempted ? colors.dim : result.blocking ? colors.red : colors.yellow;
      const head = `  ${paintStatus(status.padEnd(9))}${result.severity.padEnd(10)}${colors.cyan(result.checkId.padEnd(idWidth))}  `;
      if (result.exempted) {
        lines.push(`${head}${colors.dim(result.exemptionNote ?? "Exempted")}`);
        continue;
      }
      result.failures.forEach((failure, index) => {
        const where = colors.dim(` (line ${failure.line})`);
        lines.push(`${index === 0 ? head : indent}${failure.message}${where}`);
      });
      const fix = remediationHeadline(result.checkId);
      if (fix) lines.push(`${indent}${colors.dim(`Fix: ${fix}`)}`);
      // The object asked for an exemption that was refused (no reason): say why it still fails.
      if (result.exemptionNote) lines.push(`${indent}${colors.yellow(result.exemptionNote)}`);
    }
    lines.push("");
  }
  lines.push(summaryLine(report, colors));
  if (!options.targetVersionSet) {
    lines.push(colors.dim("Deprecated API checks were not run: pass --target-version (e.g. 1.29) to run them."));
  }
  return `${lines.join("\n")}\n`;
}

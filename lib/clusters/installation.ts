import "server-only";
import { latestInstallationReports } from "@/lib/ingest/queries";
import { redactValues, type TJson as TValues } from "./redact-values";

export { REDACTED } from "./redact-values";

// The insights-agent chart's install-reporter job posts `{"values": <Helm values minus "insights">,
// "version": <chart version>}` to data/installation after each install or upgrade. Bodies are
// whatever the cluster sent, so every part is optional here.

/** Larger bodies are not read at all: real values files are a few kilobytes. */
export const INSTALLATION_MAX_BYTES = 512 * 1024;
/** What the page shows of the values, pretty-printed. */
export const INSTALLATION_MAX_CHARS = 32_000;
const MAX_VERSION_CHARS = 100;

export type TInstallationInfo = {
  receivedAt: Date;
  sizeBytes: number;
  chartVersion: string | null;
  /** Pretty JSON of the Helm values with secrets masked (redact-values.ts); null when the body could not be read. */
  valuesJson: string | null;
  /** The values were longer than shown. */
  truncated: boolean;
};

type TJson = TValues;

/** Reads an installation body defensively: any JSON (or none) gives a result, never an exception. */
export function summarizeInstallation(
  body: Buffer | null,
): Pick<TInstallationInfo, "chartVersion" | "valuesJson" | "truncated"> {
  if (!body) return { chartVersion: null, valuesJson: null, truncated: false };
  let parsed: TJson;
  try {
    parsed = JSON.parse(body.toString("utf8")) as TJson;
  } catch {
    return { chartVersion: null, valuesJson: null, truncated: false };
  }
  const record = parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? parsed : null;
  const version = record?.version;
  const chartVersion =
    typeof version === "string" && version.trim() ? version.trim().slice(0, MAX_VERSION_CHARS) : null;
  // The chart's shape has the values under "values"; anything else is shown whole.
  const values = record && Object.hasOwn(record, "values") ? record.values : parsed;
  const pretty = JSON.stringify(redactValues(values ?? null), null, 2);
  const truncated = pretty.length > INSTALLATION_MAX_CHARS;
  return { chartVersion, valuesJson: truncated ? pretty.slice(0, INSTALLATION_MAX_CHARS) : pretty, truncated };
}

/** Per cluster of the org, what its latest installation report says. */
export async function latestInstallations(orgId: string): Promise<Map<string, TInstallationInfo>> {
  const reports = await latestInstallationReports(orgId, INSTALLATION_MAX_BYTES);
  const out = new Map<string, TInstallationInfo>();
  for (const [clusterId, r] of reports) {
    out.set(clusterId, { receivedAt: r.receivedAt, sizeBytes: r.sizeBytes, ...summarizeInstallation(r.body) });
  }
  return out;
}

import { parseArgs } from "node:util";
import { parseByteSize } from "@/lib/server/byte-size";
import type { TQuotaChange } from "./set-org-quota";

export const QUOTA_USAGE = `Usage: npm run org:quota -- --org <slug> [--clusters N] [--report-bytes-per-day SIZE] [--report-bytes-total SIZE]

Shows an organization's quotas and usage; with a setting, changes it for this organization only.
  N, SIZE   a number (SIZE as 10GB, 500MB, …), 0 for no limit, or "default" for the install's
            BUMPERS_QUOTA_* value`;

/** The organization and the change an operator asked for; throws a message for the usage text. */
export function parseQuotaArgs(args: string[]): { org: string; change: TQuotaChange } {
  const { values } = parseArgs({
    args,
    options: {
      org: { type: "string" },
      clusters: { type: "string" },
      "report-bytes-per-day": { type: "string" },
      "report-bytes-total": { type: "string" },
    },
    strict: true,
    allowPositionals: false,
  });
  if (!values.org) throw new Error("Name the organization: --org <slug>.");
  const read = (name: string, raw: string | undefined, parse: (text: string) => number | null) => {
    if (raw === undefined) return undefined;
    if (raw.trim().toLowerCase() === "default") return null;
    const value = parse(raw);
    if (value === null) {
      const what = name === "clusters" ? "a whole number" : "a size such as 10GB";
      throw new Error(`--${name} must be ${what}, 0 for no limit, or "default" (got "${raw}").`);
    }
    return value;
  };
  const count = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);
  return {
    org: values.org,
    change: {
      clusters: read("clusters", values.clusters, count),
      reportBytesPerDay: read("report-bytes-per-day", values["report-bytes-per-day"], parseByteSize),
      reportBytesTotal: read("report-bytes-total", values["report-bytes-total"], parseByteSize),
    },
  };
}

import { parseCloudCosts, type TCloudCostRow } from "../parsers/cloudcosts";
import { parseGoldilocks } from "../parsers/goldilocks";
import { parseKubeBench } from "../parsers/kube-bench";
import { parseNova } from "../parsers/nova";
import { parseOpenCost, type TOpenCostReport } from "../parsers/opencost";
import { parsePluto } from "../parsers/pluto";
import { parsePolaris } from "../parsers/polaris";
import { parseTrivy } from "../parsers/trivy";
import type { TParseResult } from "../parsers/types";
import { parseWorkloads, type TWorkloadsInventory } from "../parsers/workloads";

// Which parser reads which report type. Types without a parser here (installation, anything a
// newer agent sends) are stored and listed as they are.

export type TParsedReport =
  | { kind: "findings"; result: TParseResult }
  | { kind: "images"; result: TParseResult }
  | { kind: "inventory"; inventory: TWorkloadsInventory }
  | { kind: "opencost"; report: TOpenCostReport }
  | { kind: "cloudcosts"; rows: TCloudCostRow[] }
  | { kind: "stored" };

const FINDING_PARSERS: Readonly<Record<string, (report: unknown) => TParseResult>> = {
  polaris: parsePolaris,
  pluto: parsePluto,
  nova: parseNova,
  goldilocks: (report) => parseGoldilocks(report),
  "kube-bench": parseKubeBench,
};

/**
 * Report types that describe a window of time (cost allocations, bills) rather than the cluster's
 * state now: each applies to its own days, so an older one arriving late is still applied.
 */
export const WINDOWED_TYPES: ReadonlySet<string> = new Set(["opencost", "cloudcosts"]);

/** Report types whose findings have a lifecycle (the `source` of their findings). */
export const FINDING_SOURCES = [...Object.keys(FINDING_PARSERS), "trivy"] as const;

/** Parses a report's JSON for its type; throws ReportShapeError (answered 422) when it does not fit. */
export function parseReport(type: string, json: unknown): TParsedReport {
  const parser = FINDING_PARSERS[type];
  if (parser) return { kind: "findings", result: parser(json) };
  if (type === "trivy") return { kind: "images", result: parseTrivy(json) };
  if (type === "workloads") return { kind: "inventory", inventory: parseWorkloads(json).inventory };
  if (type === "opencost") return { kind: "opencost", report: parseOpenCost(json) };
  if (type === "cloudcosts") return { kind: "cloudcosts", rows: parseCloudCosts(json) };
  return { kind: "stored" };
}

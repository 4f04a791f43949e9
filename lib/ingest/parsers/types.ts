// What every report parser produces: plain data, no database. Ingest (lib/ingest) turns it into
// findings, vulnerabilities, inventory rows and cost rows with set-based SQL.
import type { TFindingCategory } from "@/lib/domain/categories";

/** The Kubernetes object a finding is about. Cluster-scoped objects have namespace "". */
export type TResourceRef = {
  namespace: string;
  kind: string;
  name: string;
  /** Container name for container-level findings; "" otherwise. */
  container: string;
};

export type TParsedFinding = {
  /** Stable id of the check within its tool, e.g. "runAsRootAllowed", "apiVersionRemoved". */
  checkId: string;
  title: string;
  description: string;
  /** How to fix it, for someone who is not a Kubernetes expert. */
  remediation: string;
  category: TFindingCategory;
  /** 0..1; the level derives from it with severityLabel() (lib/domain/severity.ts). */
  severity: number;
  resource: TResourceRef;
  /** The raw piece of the report that produced the finding, shown as evidence. Keep it small. */
  evidence: Record<string, unknown>;
};

/** One vulnerability of one image (stored once per image digest, linked to workloads running it). */
export type TParsedVulnerability = {
  id: string;
  packageName: string;
  installedVersion: string;
  fixedVersion: string;
  title: string;
  description: string;
  severity: number;
  references: string[];
};

export type TParsedImage = {
  /** e.g. "quay.io/jetstack/cert-manager-controller:v1.8.0" */
  name: string;
  /** sha256 digest when known, else "" (then the name identifies the image). */
  digest: string;
  /** Workloads running the image. */
  owners: (TResourceRef & { labels?: Record<string, string> })[];
  vulnerabilities: TParsedVulnerability[];
};

export type TParseResult = {
  findings: TParsedFinding[];
  images?: TParsedImage[];
  /** Metadata worth keeping on the report (tool version, cluster version…). */
  meta?: Record<string, unknown>;
};

/** A report that is JSON but not of the expected shape: answered 422 naming the path. */
export class ReportShapeError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = "ReportShapeError";
  }
}

// What every report parser produces: plain data, no database. Ingest (lib/ingest) turns it into
// findings, vulnerabilities, inventory rows and cost rows with set-based SQL.

export const FINDING_CATEGORIES = [
  "security",
  "reliability",
  "efficiency",
  "deprecation",
  "upgrade",
  "compliance",
] as const;
export type TFindingCategory = (typeof FINDING_CATEGORIES)[number];

export const SEVERITY_LABELS = ["critical", "high", "medium", "low", "none"] as const;
export type TSeverityLabel = (typeof SEVERITY_LABELS)[number];

/** Fairwinds' bands over the 0..1 score: ≥0.9 critical, ≥0.7 high, ≥0.4 medium, ≥0.1 low. */
export function severityLabel(score: number): TSeverityLabel {
  if (score >= 0.9) return "critical";
  if (score >= 0.7) return "high";
  if (score >= 0.4) return "medium";
  if (score >= 0.1) return "low";
  return "none";
}

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
  /** 0..1; the label derives from it with severityLabel(). */
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

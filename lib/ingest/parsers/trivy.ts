import { z } from "zod";
import {
  ReportShapeError,
  type TParseResult,
  type TParsedImage,
  type TParsedVulnerability,
  type TResourceRef,
} from "./types";
import { goSlice, goString } from "./go-json";
import { parseReportShape } from "./report-shape";

// Two inputs, told apart by shape:
// 1. The Fairwinds minimized report the insights-agent uploads as `trivy` (insights-plugins
//    plugins/trivy/pkg/models: MinimizedReport{Images []ImageDetailsWithRefs, Vulnerabilities
//    map[string]VulnerabilityDetails}). Images list vulnerability *instances* (id, package,
//    versions); the details live once in the top-level map. Older agents (v0.26) name one owner
//    per image with OwnerKind/OwnerName/OwnerContainer/Namespace; newer ones (v0.27) list Owners[].
// 2. Raw `trivy image -f json` output (SchemaVersion 2), one image and no known owners.
// Ingest derives per-workload findings from images × owners, so this parser returns no findings.

/** Trivy's severity names on Fairwinds' 0..1 scale; UNKNOWN and anything else score 0. */
export const TRIVY_SEVERITY_SCORES: Readonly<Record<string, number>> = {
  CRITICAL: 0.9,
  HIGH: 0.7,
  MEDIUM: 0.4,
  LOW: 0.1,
};

export function trivySeverityScore(severity: string): number {
  return TRIVY_SEVERITY_SCORES[severity.toUpperCase()] ?? 0;
}

/** The inverse of trivySeverityScore for the scores it produces (for rebuilding the minimized report). */
export function trivySeverityName(score: number): string {
  if (score >= 0.9) return "CRITICAL";
  if (score >= 0.7) return "HIGH";
  if (score >= 0.4) return "MEDIUM";
  if (score >= 0.1) return "LOW";
  return "UNKNOWN";
}

// ---- Fairwinds minimized report ----

const ZResource = z.object({ Kind: goString, Namespace: goString, Name: goString, Container: goString });

// An instance is an object in every agent version we have seen; a bare id string is accepted too.
const ZVulnerabilityInstance = z.union([
  z.string(),
  z.object({
    VulnerabilityID: z.string(),
    PkgName: goString,
    InstalledVersion: goString,
    FixedVersion: goString,
  }),
]);

const ZMinimizedImage = z.object({
  ID: goString,
  Name: z.string(),
  Owners: goSlice(ZResource),
  // Deprecated single-owner fields (agents before v0.27).
  OwnerKind: goString,
  OwnerName: goString,
  OwnerContainer: goString,
  Namespace: goString,
  Report: goSlice(z.object({ Target: goString, Vulnerabilities: goSlice(ZVulnerabilityInstance) })),
  RecommendationOnly: z.boolean().nullish(),
});

const ZVulnerabilityDetails = z.object({
  Title: goString,
  Description: goString,
  Severity: goString,
  VulnerabilityID: goString,
  References: goSlice(z.string()),
});

const ZMinimizedReport = z.object({
  Images: goSlice(ZMinimizedImage),
  Vulnerabilities: z.record(z.string(), ZVulnerabilityDetails).nullish(),
});

// ---- Raw Trivy JSON (SchemaVersion 2) ----

const ZRawVulnerability = z.object({
  VulnerabilityID: z.string(),
  PkgName: goString,
  InstalledVersion: goString,
  FixedVersion: goString,
  Title: goString,
  Description: goString,
  Severity: goString,
  References: goSlice(z.string()),
});

const ZRawReport = z.object({
  SchemaVersion: z.literal(2),
  ArtifactName: z.string(),
  Metadata: z.object({ ImageID: goString, RepoDigests: goSlice(z.string()) }).nullish(),
  Results: goSlice(z.object({ Target: goString, Vulnerabilities: goSlice(ZRawVulnerability) })),
});

/** "repo:tag@sha256:abc" → "sha256:abc"; a bare "sha256:abc" stays; anything else has no digest. */
function digestOf(id: string): string {
  const at = id.lastIndexOf("@");
  const digest = at >= 0 ? id.slice(at + 1) : id;
  return digest.startsWith("sha256:") ? digest : "";
}

/** Collects images by digest (or name when the digest is unknown), merging owners and vulnerabilities. */
class ImageCollector {
  private readonly images = new Map<string, TParsedImage>();
  private readonly ownerKeys = new Map<TParsedImage, Set<string>>();
  private readonly vulnerabilityKeys = new Map<TParsedImage, Set<string>>();

  image(name: string, digest: string): TParsedImage {
    const key = digest || `name:${name}`;
    let image = this.images.get(key);
    if (!image) {
      image = { name, digest, owners: [], vulnerabilities: [] };
      this.images.set(key, image);
      this.ownerKeys.set(image, new Set());
      this.vulnerabilityKeys.set(image, new Set());
    }
    return image;
  }

  addOwner(image: TParsedImage, owner: TResourceRef): void {
    const key = `${owner.namespace}\u0000${owner.kind}\u0000${owner.name}\u0000${owner.container}`;
    const seen = this.ownerKeys.get(image)!;
    if (seen.has(key)) return;
    seen.add(key);
    image.owners.push(owner);
  }

  /** One entry per (id, package, installed version): the same package found in two layers is one fix. */
  addVulnerability(image: TParsedImage, vulnerability: TParsedVulnerability): void {
    const key = `${vulnerability.id}\u0000${vulnerability.packageName}\u0000${vulnerability.installedVersion}`;
    const seen = this.vulnerabilityKeys.get(image)!;
    if (seen.has(key)) return;
    seen.add(key);
    image.vulnerabilities.push(vulnerability);
  }

  all(): TParsedImage[] {
    return [...this.images.values()];
  }
}

function parseMinimized(report: unknown): TParseResult {
  const parsed = parseReportShape(ZMinimizedReport, report);
  const details = parsed.Vulnerabilities ?? {};
  const collector = new ImageCollector();
  let skipped = 0;

  for (const entry of parsed.Images) {
    // Recommendation-only images are the newer tags the agent scanned to suggest an upgrade:
    // nothing runs them, so they are not vulnerabilities of this cluster.
    if (entry.RecommendationOnly) {
      skipped++;
      continue;
    }
    const image = collector.image(entry.Name, digestOf(entry.ID));
    if (entry.Owners.length > 0) {
      for (const owner of entry.Owners) {
        collector.addOwner(image, {
          namespace: owner.Namespace,
          kind: owner.Kind,
          name: owner.Name,
          container: owner.Container,
        });
      }
    } else if (entry.OwnerKind || entry.OwnerName) {
      collector.addOwner(image, {
        namespace: entry.Namespace,
        kind: entry.OwnerKind,
        name: entry.OwnerName,
        container: entry.OwnerContainer,
      });
    }
    for (const target of entry.Report) {
      for (const instance of target.Vulnerabilities) {
        const id = typeof instance === "string" ? instance : instance.VulnerabilityID;
        const detail = Object.hasOwn(details, id) ? details[id] : undefined;
        collector.addVulnerability(image, {
          id,
          packageName: typeof instance === "string" ? "" : instance.PkgName,
          installedVersion: typeof instance === "string" ? "" : instance.InstalledVersion,
          fixedVersion: typeof instance === "string" ? "" : instance.FixedVersion,
          // Some advisories have no title (e.g. many Alpine entries): the id is the best name left.
          title: detail?.Title || id,
          description: detail?.Description ?? "",
          severity: trivySeverityScore(detail?.Severity ?? ""),
          references: detail?.References ?? [],
        });
      }
    }
  }

  const images = collector.all();
  return {
    findings: [],
    images,
    meta: {
      format: "fairwinds-minimized",
      images: images.length,
      recommendationOnlySkipped: skipped,
      vulnerabilityDetails: Object.keys(details).length,
    },
  };
}

function parseRaw(report: unknown): TParseResult {
  const parsed = parseReportShape(ZRawReport, report);
  const repoDigest = parsed.Metadata?.RepoDigests[0] ?? "";
  // The repo digest is what Kubernetes reports for a running image; the config digest (ImageID)
  // is the fallback for images scanned from a tarball, which have none.
  const digest = digestOf(repoDigest) || digestOf(parsed.Metadata?.ImageID ?? "");
  const collector = new ImageCollector();
  const image = collector.image(parsed.ArtifactName, digest);
  for (const result of parsed.Results) {
    for (const v of result.Vulnerabilities) {
      collector.addVulnerability(image, {
        id: v.VulnerabilityID,
        packageName: v.PkgName,
        installedVersion: v.InstalledVersion,
        fixedVersion: v.FixedVersion,
        title: v.Title || v.VulnerabilityID,
        description: v.Description,
        severity: trivySeverityScore(v.Severity),
        references: v.References,
      });
    }
  }
  return { findings: [], images: collector.all(), meta: { format: "trivy-json", images: 1 } };
}

/** Parses a `trivy` upload: the insights-agent's minimized report or raw `trivy image -f json`. */
export function parseTrivy(report: unknown): TParseResult {
  if (typeof report === "object" && report !== null && !Array.isArray(report)) {
    if ("SchemaVersion" in report) return parseRaw(report);
    if ("Images" in report) return parseMinimized(report);
  }
  throw new ReportShapeError(
    "(root)",
    "expected a Trivy report: an object with Images (Fairwinds insights-agent) or SchemaVersion (trivy image -f json)",
  );
}

// ---- Rebuilding the minimized report (GET .../data/trivy/latest.json) ----

export type TTrivyMinimizedReport = {
  Images: {
    ID: string;
    Name: string;
    Owners: { Kind: string; Namespace: string; Name: string; Container: string }[];
    // Older agents read the single-owner fields; they carry the first owner.
    OwnerKind: string;
    OwnerName: string;
    OwnerContainer: string;
    Namespace: string;
    LastScan: string | null;
    Report: {
      Target: string;
      Vulnerabilities: { InstalledVersion: string; PkgName: string; VulnerabilityID: string; FixedVersion: string }[];
    }[];
    RecommendationOnly: boolean;
  }[];
  Vulnerabilities: Record<
    string,
    { Title: string; Description: string; Severity: string; VulnerabilityID: string; References: string[] }
  >;
};

/**
 * Rebuilds the insights-agent's minimized format from parsed images, so the agent can compare its next
 * scan with what we hold. `lastScan` (when the images were scanned, ISO 8601) lets the agent skip
 * images it scanned recently; without it the agent treats them as due for a scan.
 */
export function minimizeTrivyReport(
  images: readonly TParsedImage[],
  options: { lastScan?: string | null } = {},
): TTrivyMinimizedReport {
  const vulnerabilities: TTrivyMinimizedReport["Vulnerabilities"] = {};
  const out: TTrivyMinimizedReport["Images"] = [];
  for (const image of images) {
    const first = image.owners[0];
    out.push({
      ID: image.digest ? `${image.name}@${image.digest}` : "",
      Name: image.name,
      Owners: image.owners.map((o) => ({ Kind: o.kind, Namespace: o.namespace, Name: o.name, Container: o.container })),
      OwnerKind: first?.kind ?? "",
      OwnerName: first?.name ?? "",
      OwnerContainer: first?.container ?? "",
      Namespace: first?.namespace ?? "",
      LastScan: options.lastScan ?? null,
      Report: [
        {
          Target: image.name,
          Vulnerabilities: image.vulnerabilities.map((v) => {
            if (!Object.hasOwn(vulnerabilities, v.id)) {
              vulnerabilities[v.id] = {
                Title: v.title,
                Description: v.description,
                Severity: trivySeverityName(v.severity),
                VulnerabilityID: v.id,
                References: v.references,
              };
            }
            return {
              InstalledVersion: v.installedVersion,
              PkgName: v.packageName,
              VulnerabilityID: v.id,
              FixedVersion: v.fixedVersion,
            };
          }),
        },
      ],
      RecommendationOnly: false,
    });
  }
  return { Images: out, Vulnerabilities: vulnerabilities };
}

import { readFileSync } from "node:fs";
import { demoDigest } from "./ids";
import { containerAt, type TDemoCluster } from "./inventory";
import { phaseTime, type TPhase } from "./phases";

// The insights-agent's minimized Trivy report (insights-plugins plugins/trivy, v0.27 shape with
// Owners[], like ../shared/fixtures/trivy-insights/v0.27-latest.json) for the images the demo
// workloads run. Vulnerabilities are real: each image takes its findings from an image of the
// upstream fixture with the same kind of base (see trivy-excerpt.SOURCE.md); images that exist
// upstream keep their own digest and results.

type TSeverity = "CRITICAL" | "HIGH" | "MEDIUM" | "LOW";
type TInstance = { VulnerabilityID: string; PkgName: string; InstalledVersion: string; FixedVersion: string };
type TExcerptImage = { ID: string; Name: string; Report: { Target: string; Vulnerabilities: TInstance[] | null }[] };
type TDetails = { Title: string; Description: string; Severity: string; VulnerabilityID: string; References: string[] };
type TExcerpt = { Images: TExcerptImage[]; Vulnerabilities: Record<string, TDetails> };

const EXCERPT = JSON.parse(readFileSync(new URL("./trivy-excerpt.json", import.meta.url), "utf8")) as TExcerpt;

type TQuota = Partial<Record<TSeverity, number>>;

/**
 * Where an image's scan comes from: `real` images are in the fixture as they are; others take the
 * first `take` vulnerabilities of each severity (fixture order) from `from`; `os` alone is a clean scan.
 */
type TSource =
  { real: true } | { from: string; take: TQuota; binary?: string; takeBefore?: { first?: TQuota } } | { os: string };

const CURL = "docker.io/curlimages/curl:7.79.1"; // alpine 3.14
const NOISY = "docker.io/ivanfetch/noisy-neighbor:0.4.0"; // alpine 3.15
const UPLOADER = "quay.io/fairwinds/insights-uploader:0.3"; // alpine 3.16
const LOCAL_PATH = "docker.io/rancher/local-path-provisioner:v0.0.14"; // alpine 3.12
const NGINX_LATEST = "docker.io/library/nginx:latest"; // debian 11.7
const NGINX_123 = "docker.io/library/nginx:1.23.0"; // debian 11.4
const KINDNETD = "docker.io/kindest/kindnetd:v20210326-1e038dc5"; // debian 10.7
const KUBE_PROXY = "k8s.gcr.io/kube-proxy:v1.21.1"; // debian 10.9
const COREDNS = "k8s.gcr.io/coredns/coredns:v1.8.0"; // Go modules

const SOURCES: Record<string, TSource> = {
  "ghcr.io/acme/payments-api:2.14.3": { from: CURL, take: { CRITICAL: 1, HIGH: 2, MEDIUM: 2 } },
  "ghcr.io/acme/payments-api:2.14.2": { from: CURL, take: { CRITICAL: 1, HIGH: 5, MEDIUM: 4 } },
  "ghcr.io/acme/payments-api:2.15.0-rc.1": { from: CURL, take: { HIGH: 1, MEDIUM: 2 } },
  "docker.io/envoyproxy/envoy:v1.27.2": { os: "ubuntu 22.04" },
  "ghcr.io/acme/fraud-scoring:0.9.1": { from: NOISY, take: { HIGH: 3, MEDIUM: 2 } },
  "docker.io/library/postgres:15.4": { from: NGINX_LATEST, take: { CRITICAL: 1, HIGH: 3, MEDIUM: 2, LOW: 3 } },
  "ghcr.io/acme/ledger-reconcile:1.3.0": { from: LOCAL_PATH, take: { HIGH: 2, MEDIUM: 2 } },
  // A rescan of the same digest lost two low ones: the distribution later marked them not affected.
  "ghcr.io/acme/storefront:5.2.0": {
    from: NGINX_123,
    take: { CRITICAL: 1, HIGH: 4, MEDIUM: 3, LOW: 1 },
    takeBefore: { first: { CRITICAL: 1, HIGH: 4, MEDIUM: 3, LOW: 3 } },
  },
  "ghcr.io/acme/cart-api:3.8.1": { from: NOISY, take: { HIGH: 2, MEDIUM: 1 } },
  "docker.io/opensearchproject/opensearch:2.11.1": { from: KINDNETD, take: { HIGH: 3, MEDIUM: 3, LOW: 3 } },
  [COREDNS]: { real: true },
  "602401143452.dkr.ecr.us-east-1.amazonaws.com/eks/kube-proxy:v1.29.7-minimal-eksbuild.2": {
    from: KUBE_PROXY,
    take: { HIGH: 1, MEDIUM: 2, LOW: 2 },
  },
  "registry.k8s.io/ingress-nginx/controller:v1.8.1": { from: LOCAL_PATH, take: { CRITICAL: 1, HIGH: 3, MEDIUM: 2 } },
  "registry.k8s.io/ingress-nginx/controller:v1.8.0": { from: LOCAL_PATH, take: { CRITICAL: 2, HIGH: 5, MEDIUM: 4 } },
  "quay.io/jetstack/cert-manager-controller:v1.11.0": { real: true },
  "quay.io/prometheus/prometheus:v2.47.0": { from: COREDNS, take: { HIGH: 2, MEDIUM: 2 }, binary: "bin/prometheus" },
  "quay.io/prometheus-operator/prometheus-config-reloader:v0.68.0": { os: "debian 12.1" },
  "docker.io/grafana/grafana:10.1.2": { from: UPLOADER, take: { HIGH: 2, MEDIUM: 2, LOW: 1 } },
  "ghcr.io/acme/nightly-export:0.4.2": { from: CURL, take: { HIGH: 2, MEDIUM: 1 } },
  "quay.io/jupyterhub/k8s-hub:latest": { from: NGINX_LATEST, take: { CRITICAL: 1, HIGH: 5, MEDIUM: 4, LOW: 3 } },
  "quay.io/fairwinds/polaris:8.5": { os: "alpine 3.18.4" },
  "quay.io/fairwinds/fw-trivy:0.18": { real: true },
  "quay.io/fairwinds/workloads:2.2": { real: true },
  [UPLOADER]: { real: true },
};

/** The newer tag the agent scanned to suggest an upgrade (not run by anything, so not a finding). */
const RECOMMENDATIONS: Record<string, string> = {
  "docker.io/library/postgres:15.4": "docker.io/library/postgres:15.8",
};
const RECOMMENDED_SOURCE: TSource = { from: NGINX_LATEST, take: { LOW: 3 } };

function excerptImage(name: string): TExcerptImage {
  const image = EXCERPT.Images.find((i) => i.Name === name);
  if (!image) throw new Error(`trivy-excerpt.json has no image ${name}`);
  return image;
}

function repository(name: string): string {
  const slash = name.lastIndexOf("/");
  const colon = name.indexOf(":", slash + 1);
  return colon < 0 ? name : name.slice(0, colon);
}

/** The instances of the first `quota` vulnerability ids per severity, in the fixture's order. */
function picked(image: TExcerptImage, quota: TQuota): Set<string> {
  const ids = new Set<string>();
  const counts: Record<string, number> = {};
  for (const target of image.Report) {
    for (const v of target.Vulnerabilities ?? []) {
      if (ids.has(v.VulnerabilityID)) continue;
      const severity = EXCERPT.Vulnerabilities[v.VulnerabilityID].Severity as TSeverity;
      if ((counts[severity] ?? 0) >= (quota[severity] ?? 0)) continue;
      counts[severity] = (counts[severity] ?? 0) + 1;
      ids.add(v.VulnerabilityID);
    }
  }
  return ids;
}

function scan(name: string, source: TSource, phase: TPhase): Pick<TExcerptImage, "ID" | "Report"> {
  if ("real" in source) {
    const image = excerptImage(name);
    return { ID: image.ID, Report: image.Report };
  }
  const ref = `${repository(name)}@${demoDigest(name)}`;
  if ("os" in source)
    return { ID: `${name}@${demoDigest(name)}`, Report: [{ Target: `${ref} (${source.os})`, Vulnerabilities: null }] };
  const from = excerptImage(source.from);
  const quota = (phase === "first" && source.takeBefore?.first) || source.take;
  const ids = picked(from, quota);
  const report = from.Report.map((target) => ({
    Target: target.Target.includes(" (")
      ? `${ref} ${target.Target.slice(target.Target.indexOf(" ("))}`.replace(/ {2,}/, " ")
      : (source.binary ?? target.Target),
    Vulnerabilities: (target.Vulnerabilities ?? []).filter((v) => ids.has(v.VulnerabilityID)),
  })).filter((t, i) => i === 0 || t.Vulnerabilities.length > 0);
  return { ID: `${name}@${demoDigest(name)}`, Report: report };
}

export function trivyReport(cluster: TDemoCluster, phase: TPhase, now: Date) {
  const owners = new Map<string, { Name: string; Kind: string; Container: string; Namespace: string }[]>();
  for (const w of cluster.workloads) {
    for (const c of w.containers) {
      const { image } = containerAt(cluster, w, c, phase);
      const list = owners.get(image) ?? [];
      list.push({ Name: w.name, Kind: w.kind, Container: c.name, Namespace: w.namespace });
      owners.set(image, list);
    }
  }
  const lastScan = phaseTime(phase, now).toISOString();
  const images = [...owners.entries()].flatMap(([name, list]) => {
    const source = SOURCES[name];
    if (!source) throw new Error(`No Trivy source for the demo image ${name}`);
    const entry = {
      ...scan(name, source, phase),
      Name: name,
      Owners: list,
      LastScan: lastScan,
      RecommendationOnly: false,
    };
    const recommended = RECOMMENDATIONS[name];
    if (!recommended) return [entry];
    // As in the upstream fixture: the recommended tag's ID is the repository and digest, no tag.
    const recommendation = {
      ...scan(recommended, RECOMMENDED_SOURCE, phase),
      ID: `${repository(recommended)}@${demoDigest(recommended)}`,
      Name: recommended,
      Owners: null,
    };
    return [entry, { ...recommendation, LastScan: lastScan, RecommendationOnly: true }];
  });
  const vulnerabilities: Record<string, TDetails> = {};
  for (const image of images) {
    for (const target of image.Report) {
      for (const v of target.Vulnerabilities ?? [])
        vulnerabilities[v.VulnerabilityID] = EXCERPT.Vulnerabilities[v.VulnerabilityID];
    }
  }
  // Key order as the plugin writes it (ID, Name, Owners, LastScan, Report, RecommendationOnly).
  return {
    Images: images.map(({ ID, Name, Owners, LastScan, Report, RecommendationOnly }) => ({
      ID,
      Name,
      Owners,
      LastScan,
      Report,
      RecommendationOnly,
    })),
    Vulnerabilities: vulnerabilities,
  };
}

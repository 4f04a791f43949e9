// Kubernetes versions as the agents write them ("1.29+" from EKS, "v1.25.0" from Pluto,
// "v1.29.3-eks-adc7111") compared at the minor level, which is where APIs are deprecated and removed.

export type TMinorVersion = { major: number; minor: number };

export function parseMinorVersion(version: string | null | undefined): TMinorVersion | null {
  const match = /^v?(\d+)\.(\d+)/.exec((version ?? "").trim());
  return match ? { major: Number(match[1]), minor: Number(match[2]) } : null;
}

export const compareMinor = (a: TMinorVersion, b: TMinorVersion) => a.major - b.major || a.minor - b.minor;

export const formatMinor = (v: TMinorVersion) => `${v.major}.${v.minor}`;

/** "v1.25.0" → "1.25", "v1.25.3" → "1.25.3", "" → "". */
export function displayVersion(version: string): string {
  return version
    .trim()
    .replace(/^v/, "")
    .replace(/^(\d+\.\d+)\.0$/, "$1");
}

/** A major release behind ("v1.9.1" → "2.0.0"), where upgrades tend to need changes. */
export function isMajorBehind(installed: string, latest: string): boolean {
  const major = (v: string) => /^v?(\d+)\./.exec(v.trim())?.[1];
  const [a, b] = [major(installed), major(latest)];
  return a !== undefined && b !== undefined && Number(b) > Number(a);
}

export type TDeprecationStatus = {
  /** removed: the cluster already lacks the API; blocks: removed in a later version; deprecated: no removal yet. */
  kind: "removed" | "blocks" | "deprecated";
  label: string;
  detail: string;
};

export type TApiLifecycle = {
  deprecatedIn: string;
  removedIn: string;
  /** Pluto's component: "k8s" (or "") for Kubernetes, else e.g. "istio", "cert-manager". */
  component: string;
  /** What Pluto concluded for the version it checked against. */
  removed: boolean;
};

/**
 * Where a deprecated API stands for a cluster: already gone in its version, blocking a later
 * upgrade, or only deprecated. Versions of other components (istio, cert-manager) cannot be compared
 * with the cluster's Kubernetes version, so Pluto's own conclusion is used for them.
 */
export function deprecationStatus(api: TApiLifecycle, clusterVersion: string | null): TDeprecationStatus {
  const deprecated = displayVersion(api.deprecatedIn);
  const removedIn = displayVersion(api.removedIn);
  const since = deprecated ? `Deprecated since ${deprecated}` : "";
  if (api.component && api.component !== "k8s") {
    const product = api.component;
    if (api.removed) return { kind: "removed", label: `Removed in ${product} ${removedIn}`, detail: since };
    return {
      kind: "deprecated",
      label: deprecated ? `Deprecated in ${product} ${deprecated}` : `Deprecated in ${product}`,
      detail: removedIn ? `Removed in ${product} ${removedIn}` : "",
    };
  }
  const removal = parseMinorVersion(api.removedIn);
  const cluster = parseMinorVersion(clusterVersion);
  if (!removal) {
    return {
      kind: "deprecated",
      label: deprecated ? `Deprecated in ${deprecated}` : "Deprecated",
      detail: "No removal announced yet",
    };
  }
  const removedAt = formatMinor(removal);
  if (cluster && compareMinor(cluster, removal) >= 0) {
    return {
      kind: "removed",
      label: "Already removed in this cluster's version",
      detail: `Removed in ${removedAt}; the cluster runs ${formatMinor(cluster)}`,
    };
  }
  if (!cluster && api.removed) {
    return { kind: "removed", label: `Removed in ${removedAt}`, detail: "The cluster's version is not known yet" };
  }
  return { kind: "blocks", label: `Removed in ${removedAt} — blocks upgrade to ${removedAt}`, detail: since };
}

// Removed and deprecated Kubernetes API versions, from the official "Deprecated API Migration
// Guide" (https://kubernetes.io/docs/reference/using-api/deprecation-guide/, releases v1.16–v1.32;
// the guide lists no removals after v1.32). extensions/v1beta1 PodSecurityPolicy (removed in 1.16)
// is not in the guide; it comes from the Kubernetes 1.16 removal announcement and Pluto. Deprecation releases the guide does not state are taken
// from Pluto's versions.yaml so that admission/CI results and Pluto agent findings agree; where
// neither states one, deprecatedIn is null.
//
// `replacement` is the API to migrate to today, not the historical next step: flowcontrol v1beta1
// points at v1 rather than v1beta2 (itself removed in v1.29), so following a replacement never
// leads to another removed API. PodSecurityPolicy has no replacement API at all.

export const DEPRECATION_GUIDE_URL = "https://kubernetes.io/docs/reference/using-api/deprecation-guide/";

export type TKubernetesVersion = { major: number; minor: number };

export type TApiDeprecation = {
  apiVersion: string;
  kind: string;
  /** "1.16"; null when neither the guide nor Pluto states it. */
  deprecatedIn: string | null;
  /** "1.22": the first release that no longer serves this apiVersion for this kind. */
  removedIn: string;
  /** apiVersion to migrate to; null when the API was dropped without a successor. */
  replacement: string | null;
  /** First release serving `replacement`. */
  replacementAvailableIn: string | null;
  /** What changes in the manifest beyond the apiVersion line. */
  migration: string;
};

type TGroup = Omit<TApiDeprecation, "apiVersion" | "kind"> & {
  apiVersions: string[];
  kinds: string[];
};

const NO_CHANGES = "No notable field changes: only the apiVersion line changes.";
/** Moving an Ingress from extensions/v1beta1 or networking.k8s.io/v1beta1 to networking.k8s.io/v1. */
const INGRESS_V1 =
  "spec.backend is renamed spec.defaultBackend; backend serviceName becomes service.name and servicePort becomes service.port.number or service.port.name; every path needs a pathType (Prefix, Exact or ImplementationSpecific; ImplementationSpecific matches the old behaviour).";
const SELECTOR_REQUIRED = "spec.selector is required and immutable after creation";
const FLOWCONTROL_KINDS = ["FlowSchema", "PriorityLevelConfiguration"];
const FLOWCONTROL_V1 =
  "In v1, PriorityLevelConfiguration spec.limited.assuredConcurrencyShares is renamed spec.limited.nominalConcurrencyShares, which defaults to 30 only when unspecified (an explicit 0 stays 0).";

const GROUPS: TGroup[] = [
  // v1.16
  {
    apiVersions: ["extensions/v1beta1", "apps/v1beta1", "apps/v1beta2"],
    kinds: ["Deployment"],
    deprecatedIn: "1.9",
    removedIn: "1.16",
    replacement: "apps/v1",
    replacementAvailableIn: "1.9",
    migration: `${SELECTOR_REQUIRED} (use the existing template labels); spec.rollbackTo is removed; defaults change: progressDeadlineSeconds 600, revisionHistoryLimit 10, maxSurge and maxUnavailable 25%.`,
  },
  {
    apiVersions: ["extensions/v1beta1", "apps/v1beta1", "apps/v1beta2"],
    kinds: ["ReplicaSet"],
    deprecatedIn: null,
    removedIn: "1.16",
    replacement: "apps/v1",
    replacementAvailableIn: "1.9",
    migration: `${SELECTOR_REQUIRED} (use the existing template labels).`,
  },
  {
    apiVersions: ["apps/v1beta1", "apps/v1beta2"],
    kinds: ["StatefulSet"],
    deprecatedIn: "1.9",
    removedIn: "1.16",
    replacement: "apps/v1",
    replacementAvailableIn: "1.9",
    migration: `${SELECTOR_REQUIRED} (use the existing template labels); spec.updateStrategy.type now defaults to RollingUpdate.`,
  },
  {
    apiVersions: ["extensions/v1beta1", "apps/v1beta2"],
    kinds: ["DaemonSet"],
    deprecatedIn: "1.9",
    removedIn: "1.16",
    replacement: "apps/v1",
    replacementAvailableIn: "1.9",
    migration: `spec.templateGeneration is removed; ${SELECTOR_REQUIRED}; spec.updateStrategy.type now defaults to RollingUpdate (extensions/v1beta1 defaulted to OnDelete).`,
  },
  {
    apiVersions: ["extensions/v1beta1"],
    kinds: ["NetworkPolicy"],
    deprecatedIn: "1.9",
    removedIn: "1.16",
    replacement: "networking.k8s.io/v1",
    replacementAvailableIn: "1.8",
    migration: NO_CHANGES,
  },
  {
    apiVersions: ["extensions/v1beta1"],
    kinds: ["PodSecurityPolicy"],
    deprecatedIn: "1.10",
    removedIn: "1.16",
    // policy/v1beta1 was the 1.16 successor but is itself gone since 1.25.
    replacement: null,
    replacementAvailableIn: null,
    migration:
      "PodSecurityPolicy no longer exists in any API version (policy/v1beta1 was removed in 1.25): enforce pod security with Pod Security Admission namespace labels or an admission policy instead.",
  },
  // v1.22
  {
    apiVersions: ["admissionregistration.k8s.io/v1beta1"],
    kinds: ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"],
    deprecatedIn: "1.16",
    removedIn: "1.22",
    replacement: "admissionregistration.k8s.io/v1",
    replacementAvailableIn: "1.16",
    migration:
      "Defaults change: webhooks[*].failurePolicy Ignore→Fail, matchPolicy Exact→Equivalent, timeoutSeconds 30s→10s; webhooks[*].sideEffects (None or NoneOnDryRun) and admissionReviewVersions are required, and webhook names must be unique.",
  },
  {
    apiVersions: ["apiextensions.k8s.io/v1beta1"],
    kinds: ["CustomResourceDefinition"],
    deprecatedIn: "1.16",
    removedIn: "1.22",
    replacement: "apiextensions.k8s.io/v1",
    replacementAvailableIn: "1.16",
    migration:
      "spec.scope is required; spec.version is removed (use spec.versions); spec.validation, subresources and additionalPrinterColumns move into each spec.versions[*] (validation becomes schema); each version needs a structural schema.openAPIV3Schema; preserveUnknownFields: true is not allowed (use x-kubernetes-preserve-unknown-fields in the schema); printer column JSONPath is renamed jsonPath; spec.conversion.webhookClientConfig and conversionReviewVersions move under spec.conversion.webhook.",
  },
  {
    apiVersions: ["apiregistration.k8s.io/v1beta1"],
    kinds: ["APIService"],
    deprecatedIn: "1.10",
    removedIn: "1.22",
    replacement: "apiregistration.k8s.io/v1",
    replacementAvailableIn: "1.10",
    migration: NO_CHANGES,
  },
  {
    apiVersions: ["authentication.k8s.io/v1beta1"],
    kinds: ["TokenReview"],
    deprecatedIn: "1.6",
    removedIn: "1.22",
    replacement: "authentication.k8s.io/v1",
    replacementAvailableIn: "1.6",
    migration: NO_CHANGES,
  },
  {
    apiVersions: ["authorization.k8s.io/v1beta1"],
    kinds: ["SubjectAccessReview", "LocalSubjectAccessReview", "SelfSubjectAccessReview"],
    deprecatedIn: null,
    removedIn: "1.22",
    replacement: "authorization.k8s.io/v1",
    replacementAvailableIn: "1.6",
    migration: "spec.group is renamed spec.groups.",
  },
  {
    apiVersions: ["certificates.k8s.io/v1beta1"],
    kinds: ["CertificateSigningRequest"],
    deprecatedIn: "1.19",
    removedIn: "1.22",
    replacement: "certificates.k8s.io/v1",
    replacementAvailableIn: "1.19",
    migration:
      "spec.signerName and spec.usages are required (kubernetes.io/legacy-unknown cannot be requested); status.conditions may not repeat a type and need a status; status.certificate must hold only PEM CERTIFICATE blocks.",
  },
  {
    apiVersions: ["coordination.k8s.io/v1beta1"],
    kinds: ["Lease"],
    deprecatedIn: "1.14",
    removedIn: "1.22",
    replacement: "coordination.k8s.io/v1",
    replacementAvailableIn: "1.14",
    migration: NO_CHANGES,
  },
  {
    apiVersions: ["extensions/v1beta1"],
    kinds: ["Ingress"],
    deprecatedIn: "1.14",
    removedIn: "1.22",
    replacement: "networking.k8s.io/v1",
    replacementAvailableIn: "1.19",
    migration: INGRESS_V1,
  },
  {
    apiVersions: ["networking.k8s.io/v1beta1"],
    kinds: ["Ingress"],
    deprecatedIn: "1.19",
    removedIn: "1.22",
    replacement: "networking.k8s.io/v1",
    replacementAvailableIn: "1.19",
    migration: INGRESS_V1,
  },
  {
    apiVersions: ["networking.k8s.io/v1beta1"],
    kinds: ["IngressClass"],
    deprecatedIn: "1.19",
    removedIn: "1.22",
    replacement: "networking.k8s.io/v1",
    replacementAvailableIn: "1.19",
    migration: NO_CHANGES,
  },
  {
    apiVersions: ["rbac.authorization.k8s.io/v1beta1"],
    kinds: ["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"],
    deprecatedIn: "1.17",
    removedIn: "1.22",
    replacement: "rbac.authorization.k8s.io/v1",
    replacementAvailableIn: "1.8",
    migration: NO_CHANGES,
  },
  {
    apiVersions: ["scheduling.k8s.io/v1beta1"],
    kinds: ["PriorityClass"],
    deprecatedIn: "1.14",
    removedIn: "1.22",
    replacement: "scheduling.k8s.io/v1",
    replacementAvailableIn: "1.14",
    migration: NO_CHANGES,
  },
  ...(
    [
      ["CSIDriver", "1.19"],
      ["CSINode", "1.17"],
      ["StorageClass", "1.6"],
      ["VolumeAttachment", "1.13"],
    ] as const
  ).map(([kind, since]): TGroup => ({
    apiVersions: ["storage.k8s.io/v1beta1"],
    kinds: [kind],
    deprecatedIn: since,
    removedIn: "1.22",
    replacement: "storage.k8s.io/v1",
    replacementAvailableIn: since,
    migration: NO_CHANGES,
  })),
  // v1.25
  {
    apiVersions: ["batch/v1beta1"],
    kinds: ["CronJob"],
    deprecatedIn: "1.21",
    removedIn: "1.25",
    replacement: "batch/v1",
    replacementAvailableIn: "1.21",
    migration: NO_CHANGES,
  },
  {
    apiVersions: ["discovery.k8s.io/v1beta1"],
    kinds: ["EndpointSlice"],
    deprecatedIn: "1.21",
    removedIn: "1.25",
    replacement: "discovery.k8s.io/v1",
    replacementAvailableIn: "1.21",
    migration:
      'endpoints[*].topology["kubernetes.io/hostname"] becomes endpoints[*].nodeName and topology["topology.kubernetes.io/zone"] becomes endpoints[*].zone; endpoints[*].topology is replaced by the read-only deprecatedTopology.',
  },
  {
    apiVersions: ["events.k8s.io/v1beta1"],
    kinds: ["Event"],
    deprecatedIn: "1.19",
    removedIn: "1.25",
    replacement: "events.k8s.io/v1",
    replacementAvailableIn: "1.19",
    migration:
      "type is Normal or Warning; involvedObject becomes regarding; action, reason, reportingComponent and reportingInstance are required on create; use eventTime, series.lastObservedTime, series.count, reportingComponent and reportingInstance instead of firstTimestamp, lastTimestamp, count, source.component and source.host.",
  },
  {
    apiVersions: ["autoscaling/v2beta1"],
    kinds: ["HorizontalPodAutoscaler"],
    deprecatedIn: "1.22",
    removedIn: "1.25",
    replacement: "autoscaling/v2",
    replacementAvailableIn: "1.23",
    migration:
      "metrics[*] targetAverageUtilization becomes target.averageUtilization with target.type: Utilization (and targetAverageValue becomes target.averageValue with target.type: AverageValue).",
  },
  {
    apiVersions: ["policy/v1beta1"],
    kinds: ["PodDisruptionBudget"],
    deprecatedIn: "1.21",
    removedIn: "1.25",
    replacement: "policy/v1",
    replacementAvailableIn: "1.21",
    migration:
      "An empty spec.selector ({}) now selects every pod in the namespace (in policy/v1beta1 it selected none).",
  },
  {
    apiVersions: ["policy/v1beta1"],
    kinds: ["PodSecurityPolicy"],
    deprecatedIn: "1.21",
    removedIn: "1.25",
    replacement: null,
    replacementAvailableIn: null,
    migration:
      "PodSecurityPolicy is removed without a successor API: enforce pod security with Pod Security Admission namespace labels or an admission policy instead.",
  },
  {
    apiVersions: ["node.k8s.io/v1beta1"],
    kinds: ["RuntimeClass"],
    deprecatedIn: "1.22",
    removedIn: "1.25",
    replacement: "node.k8s.io/v1",
    replacementAvailableIn: "1.20",
    migration: NO_CHANGES,
  },
  // v1.26
  {
    apiVersions: ["flowcontrol.apiserver.k8s.io/v1beta1"],
    kinds: FLOWCONTROL_KINDS,
    deprecatedIn: "1.23",
    removedIn: "1.26",
    replacement: "flowcontrol.apiserver.k8s.io/v1",
    replacementAvailableIn: "1.29",
    migration: `Clusters older than 1.29 have no v1: use flowcontrol.apiserver.k8s.io/v1beta2 on 1.23–1.25 and v1beta3 on 1.26–1.28. ${FLOWCONTROL_V1}`,
  },
  {
    apiVersions: ["autoscaling/v2beta2"],
    kinds: ["HorizontalPodAutoscaler"],
    deprecatedIn: "1.23",
    removedIn: "1.26",
    replacement: "autoscaling/v2",
    replacementAvailableIn: "1.23",
    migration: NO_CHANGES,
  },
  // v1.27
  {
    apiVersions: ["storage.k8s.io/v1beta1"],
    kinds: ["CSIStorageCapacity"],
    deprecatedIn: "1.24",
    removedIn: "1.27",
    replacement: "storage.k8s.io/v1",
    replacementAvailableIn: "1.24",
    migration: NO_CHANGES,
  },
  // v1.29
  {
    apiVersions: ["flowcontrol.apiserver.k8s.io/v1beta2"],
    kinds: FLOWCONTROL_KINDS,
    deprecatedIn: "1.26",
    removedIn: "1.29",
    replacement: "flowcontrol.apiserver.k8s.io/v1",
    replacementAvailableIn: "1.29",
    migration: `Clusters older than 1.29 have no v1: use flowcontrol.apiserver.k8s.io/v1beta3 (served 1.26–1.31). ${FLOWCONTROL_V1}`,
  },
  // v1.32
  {
    apiVersions: ["flowcontrol.apiserver.k8s.io/v1beta3"],
    kinds: FLOWCONTROL_KINDS,
    deprecatedIn: "1.29",
    removedIn: "1.32",
    replacement: "flowcontrol.apiserver.k8s.io/v1",
    replacementAvailableIn: "1.29",
    migration:
      "PriorityLevelConfiguration spec.limited.nominalConcurrencyShares defaults to 30 only when unspecified; an explicit 0 stays 0.",
  },
];

export const API_DEPRECATIONS: readonly TApiDeprecation[] = GROUPS.flatMap(({ apiVersions, kinds, ...rest }) =>
  apiVersions.flatMap((apiVersion) => kinds.map((kind) => ({ apiVersion, kind, ...rest }))),
);

const BY_KEY = new Map(API_DEPRECATIONS.map((d) => [`${d.apiVersion}\u0000${d.kind}`, d]));

const VERSION_PATTERN = /^v?(\d{1,4})\.(\d{1,4})(?:\.\d{1,6})?(?:[-+][0-9A-Za-z][0-9A-Za-z.+-]*)?$/;

/** "v1.27.3", "1.27", "v1.27.3-eks-4f4795d", "v1.28.2+k3s1" → { major: 1, minor: 27 }; else null. */
export function parseKubernetesVersion(value: string): TKubernetesVersion | null {
  const match = VERSION_PATTERN.exec(value.trim());
  if (!match) return null;
  return { major: Number(match[1]), minor: Number(match[2]) };
}

function compareVersions(a: TKubernetesVersion, b: TKubernetesVersion): number {
  return a.major !== b.major ? a.major - b.major : a.minor - b.minor;
}

function tableVersion(value: string): TKubernetesVersion {
  const parsed = parseKubernetesVersion(value);
  if (!parsed) throw new Error(`Invalid version in the deprecation table: ${value}`);
  return parsed;
}

/** The table entry for this apiVersion + kind, or null when it is current. */
export function deprecationOf(apiVersion: string, kind: string): TApiDeprecation | null {
  return BY_KEY.get(`${apiVersion.trim()}\u0000${kind.trim()}`) ?? null;
}

export type TApiVersionStatus = "removed" | "deprecated" | "ok";

export type TApiVersionCheck = {
  status: TApiVersionStatus;
  deprecatedIn: string | null;
  removedIn: string | null;
  replacement: string | null;
  /** Empty when status is "ok". */
  message: string;
};

function migrationHint(entry: TApiDeprecation): string {
  const target = entry.replacement
    ? `Change apiVersion to ${entry.replacement}.`
    : "There is no replacement API version.";
  return `${target} ${entry.migration}`;
}

/**
 * Status of an apiVersion + kind for a cluster at `targetVersion` ("1.27", "v1.27.3-eks-…"):
 * removed when removedIn ≤ target (the object cannot be applied there, so it blocks the upgrade),
 * deprecated when it is still served but past its deprecation (or its deprecation release is
 * unknown), ok otherwise. Throws on an unparseable target: callers validate settings first.
 */
export function checkApiVersion(
  apiVersion: string,
  kind: string,
  targetVersion: string | TKubernetesVersion,
): TApiVersionCheck {
  const target = typeof targetVersion === "string" ? parseKubernetesVersion(targetVersion) : targetVersion;
  if (!target) throw new Error(`Invalid Kubernetes version: ${String(targetVersion)}`);
  const entry = deprecationOf(apiVersion, kind);
  const ok: TApiVersionCheck = {
    status: "ok",
    deprecatedIn: entry?.deprecatedIn ?? null,
    removedIn: entry?.removedIn ?? null,
    replacement: entry?.replacement ?? null,
    message: "",
  };
  if (!entry) return ok;
  const targetLabel = `${target.major}.${target.minor}`;
  const subject = `${kind} ${apiVersion}`;
  if (compareVersions(tableVersion(entry.removedIn), target) <= 0) {
    return {
      ...ok,
      status: "removed",
      message: `${subject} was removed in Kubernetes ${entry.removedIn} and blocks upgrade to ${entry.removedIn} (target ${targetLabel}). ${migrationHint(entry)}`,
    };
  }
  if (entry.deprecatedIn && compareVersions(tableVersion(entry.deprecatedIn), target) > 0) {
    return ok;
  }
  const since = entry.deprecatedIn ? ` since Kubernetes ${entry.deprecatedIn}` : "";
  return {
    ...ok,
    status: "deprecated",
    message: `${subject} is deprecated${since} and removed in ${entry.removedIn}: it blocks upgrade to ${entry.removedIn}. ${migrationHint(entry)}`,
  };
}

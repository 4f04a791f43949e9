/** What Bumpers knows about a Polaris check: why it matters and how to fix it, in plain words. */
export type TPolarisCheckInfo = {
  category: "security" | "efficiency" | "reliability";
  why: string;
  fix: string;
};

const CLUSTER_ADMIN_BINDING: TPolarisCheckInfo = {
  category: "security",
  why: "This binding grants the cluster-admin role, which gives full control over the whole cluster, including every Secret.",
  fix: "Bind a Role or ClusterRole that only allows the resources and verbs the subject really uses, instead of cluster-admin.",
};

const POD_EXEC_ATTACH: TPolarisCheckInfo = {
  category: "security",
  why: "This role allows `pods/exec` or `pods/attach`, which lets whoever holds it run commands inside the matching pods and read everything they can read, including mounted Secrets.",
  fix: "Remove `pods/exec` and `pods/attach` from the role's rules unless its users need interactive debugging access, and grant that access to people only, not to workloads.",
};

/** Checks shipped with Polaris (checks/*.yaml upstream), keyed by the result's ID. */
export const POLARIS_CHECKS: Record<string, TPolarisCheckInfo> = {
  hostIPCSet: {
    category: "security",
    why: "The pod shares the node's inter-process communication namespace, so it can read and tamper with shared memory of other processes on the node.",
    fix: "Remove `hostIPC: true` from the pod spec (`spec.template.spec` for Deployments, DaemonSets and StatefulSets). Ordinary applications never need it.",
  },
  hostPIDSet: {
    category: "security",
    why: "The pod shares the node's process namespace: it can see every process on the node, read their environment variables and send them signals.",
    fix: "Remove `hostPID: true` from the pod spec. Only node-level monitoring agents need it; if this is one, resolve the finding as working as intended.",
  },
  hostNetworkSet: {
    category: "security",
    why: "The pod uses the node's own network: it can listen on any port of the node, reach services bound to the node's localhost, and is not restricted by NetworkPolicies.",
    fix: "Remove `hostNetwork: true` from the pod spec and expose the app through a Service. Only node networking agents (CNI plugins, kube-proxy) need host networking; if this is one, resolve the finding as working as intended.",
  },
  hostPortSet: {
    category: "security",
    why: "A container binds a port directly on the node (`hostPort`), which exposes it outside the cluster's normal Service routing and allows only one such pod per node.",
    fix: "Remove `hostPort` from the container's `ports` and expose the app with a Service (ClusterIP, NodePort or LoadBalancer) or an Ingress.",
  },
  runAsRootAllowed: {
    category: "security",
    why: "The container is allowed to run as root (user ID 0). If an attacker takes over the app, root inside the container makes escaping to the node much easier.",
    fix: "Set `securityContext.runAsNonRoot: true` and a `runAsUser` such as 10001 on the pod or container. If the image only works as root, rebuild it with a `USER` instruction for an unprivileged user.",
  },
  runAsPrivileged: {
    category: "security",
    why: "The container runs in privileged mode: it has every Linux capability and access to all host devices, which amounts to root on the node.",
    fix: "Remove `securityContext.privileged: true` from the container. If it needs one specific kernel feature, add only that capability under `securityContext.capabilities.add`.",
  },
  notReadOnlyRootFilesystem: {
    category: "security",
    why: "The container can write to its own filesystem, so an attacker who gets in can download tools or modify the application's files.",
    fix: "Set `securityContext.readOnlyRootFilesystem: true` on the container and mount an `emptyDir` volume on the few paths the app writes to (for example `/tmp`).",
  },
  privilegeEscalationAllowed: {
    category: "security",
    why: "A process in the container can gain more privileges than its parent, for example through setuid programs such as sudo.",
    fix: "Set `securityContext.allowPrivilegeEscalation: false` on the container.",
  },
  dangerousCapabilities: {
    category: "security",
    why: "The container adds Linux capabilities such as SYS_ADMIN or NET_ADMIN, which give near-root control over the node's kernel, network or devices.",
    fix: 'Remove them from `securityContext.capabilities.add`. Start from `capabilities.drop: ["ALL"]` and add back only a capability the app is proven to need.',
  },
  insecureCapabilities: {
    category: "security",
    why: "The container keeps default Linux capabilities (such as NET_RAW, CHOWN or SETUID) that most applications never use and attackers can abuse, for example NET_RAW to spoof network traffic.",
    fix: 'Add `securityContext.capabilities.drop: ["ALL"]` to the container, then add back only the capabilities the app needs (usually none).',
  },
  sensitiveContainerEnvVar: {
    category: "security",
    why: "An environment variable appears to hold a secret written directly in the manifest, where anyone who can read the workload or its Git repository can see it.",
    fix: "Move the value into a Kubernetes Secret and reference it with `valueFrom.secretKeyRef` (or `envFrom.secretRef`).",
  },
  automountServiceAccountToken: {
    category: "security",
    why: "Kubernetes mounts an API token into the pod. If the app never calls the Kubernetes API, the token only helps an attacker.",
    fix: "Set `automountServiceAccountToken: false` on the pod spec (or on its ServiceAccount) unless the app talks to the Kubernetes API.",
  },
  linuxHardening: {
    category: "security",
    why: "The container uses no Linux hardening (no seccomp, AppArmor or SELinux profile, no dropped capabilities), so a compromised process can call any kernel feature.",
    fix: 'Set `securityContext.seccompProfile.type: RuntimeDefault` and `securityContext.capabilities.drop: ["ALL"]` on the container.',
  },
  tlsSettingsMissing: {
    category: "security",
    why: "The Ingress serves traffic without TLS, so requests and responses travel unencrypted.",
    fix: "Add a `tls` section to the Ingress listing its host names and a certificate Secret; cert-manager can issue and renew the certificate automatically.",
  },
  clusterrolebindingClusterAdmin: CLUSTER_ADMIN_BINDING,
  rolebindingClusterAdminClusterRole: CLUSTER_ADMIN_BINDING,
  rolebindingClusterAdminRole: CLUSTER_ADMIN_BINDING,
  clusterrolePodExecAttach: POD_EXEC_ATTACH,
  rolePodExecAttach: POD_EXEC_ATTACH,
  clusterrolebindingPodExecAttach: POD_EXEC_ATTACH,
  rolebindingClusterRolePodExecAttach: POD_EXEC_ATTACH,
  rolebindingRolePodExecAttach: POD_EXEC_ATTACH,
  cpuRequestsMissing: {
    category: "efficiency",
    why: "The container has no CPU request, so the scheduler reserves no CPU for it: it can land on a busy node and be starved, and its cost cannot be attributed accurately.",
    fix: "Set `resources.requests.cpu` on the container (for example `100m`, a tenth of a core) close to its normal usage; Goldilocks recommendations give a value based on real usage.",
  },
  cpuLimitsMissing: {
    category: "efficiency",
    why: "The container has no CPU limit, so it can take all the spare CPU of its node and slow down the pods next to it.",
    fix: "Set `resources.limits.cpu` on the container, comfortably above its normal peak usage.",
  },
  memoryRequestsMissing: {
    category: "efficiency",
    why: "The container has no memory request, so it may be placed on a node without enough free memory and is among the first evicted when the node runs short.",
    fix: "Set `resources.requests.memory` on the container (for example `128Mi`) close to its normal usage.",
  },
  memoryLimitsMissing: {
    category: "efficiency",
    why: "The container has no memory limit, so a memory leak can consume the whole node and get other pods killed.",
    fix: "Set `resources.limits.memory` on the container above its peak usage; if it goes beyond, only this container restarts instead of hurting its neighbours.",
  },
  readinessProbeMissing: {
    category: "reliability",
    why: "Without a readiness probe, Kubernetes sends traffic to the pod as soon as it starts, before the app is ready, and keeps doing so when it stops answering.",
    fix: "Add a `readinessProbe` to the container, for example an HTTP GET on an endpoint that answers 200 once the app can serve requests.",
  },
  livenessProbeMissing: {
    category: "reliability",
    why: "Without a liveness probe, Kubernetes cannot tell when the app hangs, so a stuck container is never restarted.",
    fix: "Add a `livenessProbe` (HTTP GET, TCP socket or command) that fails only when the process is truly stuck, with a generous `initialDelaySeconds` and `failureThreshold` so slow starts are not killed.",
  },
  tagNotSpecified: {
    category: "reliability",
    why: "The image has no tag or uses `latest`, so nodes may run different versions of the app and a rollback does not bring the old version back.",
    fix: "Pin the image to a specific version tag or digest in the manifest or Helm values, for example `nginx:1.25.3`.",
  },
  pullPolicyNotAlways: {
    category: "reliability",
    why: "With an image pull policy other than `Always`, each node reuses the copy of the tag it cached earlier, which can differ from what the registry serves if the tag was overwritten.",
    fix: "Set `imagePullPolicy: Always` on the container, or pin the image by an immutable tag or digest so the cached copy is always the right one.",
  },
  deploymentMissingReplicas: {
    category: "reliability",
    why: "The Deployment runs a single replica, so any restart, rollout or node failure takes the app offline.",
    fix: "Set `spec.replicas` to 2 or more, or use a HorizontalPodAutoscaler with `minReplicas` of at least 2.",
  },
  priorityClassNotSet: {
    category: "reliability",
    why: "The pod has no priority class, so when the cluster is short of resources it may be evicted before less important pods.",
    fix: "Set `priorityClassName` on the pod spec to a PriorityClass that matches how critical the workload is.",
  },
  missingPodDisruptionBudget: {
    category: "reliability",
    why: "No PodDisruptionBudget protects this workload, so draining nodes during an upgrade can evict all its pods at once.",
    fix: "Create a PodDisruptionBudget that selects the workload's pods with `minAvailable` or `maxUnavailable` set.",
  },
  pdbDisruptionsIsZero: {
    category: "reliability",
    why: "The PodDisruptionBudget allows zero disruptions, which blocks node drains and cluster upgrades.",
    fix: "Allow at least one disruption: run more replicas than `minAvailable`, or use `maxUnavailable: 1`.",
  },
  topologySpreadConstraint: {
    category: "reliability",
    why: "The pods are not spread across nodes or zones, so one node or zone failure can take all of them down.",
    fix: "Add `topologySpreadConstraints` on `topology.kubernetes.io/zone` and/or `kubernetes.io/hostname` to the pod spec.",
  },
  metadataAndNameMismatched: {
    category: "reliability",
    why: "The `app.kubernetes.io/name` label does not match the workload's name, which confuses tools and people that rely on the label.",
    fix: "Make the `app.kubernetes.io/name` label equal to the workload's name.",
  },
};

/**
 * Polaris's own categories, plus the topic names Polaris used before its 1.0 output format. A result's
 * Category is matched case-insensitively; an unknown name falls back to the check's known category.
 */
export const POLARIS_CATEGORY_MAP: Record<string, TPolarisCheckInfo["category"]> = {
  security: "security",
  efficiency: "efficiency",
  reliability: "reliability",
  // Pre-1.0 topic names: probes and image hygiene keep the app running, networking exposure is a security
  // matter, requests/limits are about efficiency.
  "health checks": "reliability",
  images: "reliability",
  networking: "security",
  resources: "efficiency",
  "pod configuration": "reliability",
  controllers: "reliability",
};

const POLARIS_CATEGORIES = new Set<string>(["security", "efficiency", "reliability"]);

export function polarisCategory(checkId: string, category: string | undefined): TPolarisCheckInfo["category"] {
  const name = (category ?? "").trim().toLowerCase();
  // A modern category on the result is authoritative; older topic names lose to what we know of the check.
  if (POLARIS_CATEGORIES.has(name)) return name as TPolarisCheckInfo["category"];
  return POLARIS_CHECKS[checkId]?.category ?? POLARIS_CATEGORY_MAP[name] ?? "reliability";
}

export function polarisDocsUrl(category: TPolarisCheckInfo["category"]): string {
  return `https://polaris.docs.fairwinds.com/checks/${category}/`;
}

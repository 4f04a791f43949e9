import type { TKubeObject } from "./types";

/** A realistic, well-configured container: it passes every built-in check. */
export function goodContainer(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: "web",
    image: "ghcr.io/acme/shop:1.4.2",
    imagePullPolicy: "Always",
    ports: [{ containerPort: 8080 }],
    resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "1", memory: "512Mi" } },
    livenessProbe: { httpGet: { path: "/healthz", port: 8080 } },
    readinessProbe: { httpGet: { path: "/ready", port: 8080 } },
    securityContext: {
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ["ALL"] },
    },
    ...overrides,
  };
}

export function goodPodSpec(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: "RuntimeDefault" } },
    automountServiceAccountToken: false,
    priorityClassName: "business-critical",
    topologySpreadConstraints: [
      {
        maxSkew: 1,
        topologyKey: "topology.kubernetes.io/zone",
        whenUnsatisfiable: "ScheduleAnyway",
        labelSelector: { matchLabels: { app: "shop" } },
      },
    ],
    containers: [goodContainer()],
    volumes: [{ name: "tmp", emptyDir: {} }],
    ...overrides,
  };
}

/** A realistic good Deployment; `podSpec` overrides merge into its Pod spec. */
export function goodDeployment(
  options: {
    podSpec?: Record<string, unknown>;
    spec?: Record<string, unknown>;
    annotations?: Record<string, string>;
  } = {},
): TKubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "shop", namespace: "shop", annotations: options.annotations ?? {} },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: "shop" } },
      template: { metadata: { labels: { app: "shop" } }, spec: goodPodSpec(options.podSpec) },
      ...options.spec,
    },
  };
}

/** A good Deployment whose single container has the given overrides. */
export function deploymentWithContainer(overrides: Record<string, unknown>): TKubeObject {
  return goodDeployment({ podSpec: { containers: [goodContainer(overrides)] } });
}

/** A well-configured object of each non-workload kind the built-in checks cover: each passes every check. */
export function goodNonWorkloads(): TKubeObject[] {
  const metadata = { name: "shop", namespace: "shop" };
  return [
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "Ingress",
      metadata,
      spec: {
        tls: [{ hosts: ["shop.example.com"], secretName: "shop-tls" }],
        rules: [{ host: "shop.example.com" }],
      },
    },
    {
      apiVersion: "policy/v1",
      kind: "PodDisruptionBudget",
      metadata,
      spec: { maxUnavailable: 1, selector: { matchLabels: { app: "shop" } } },
    },
    {
      apiVersion: "autoscaling/v2",
      kind: "HorizontalPodAutoscaler",
      metadata,
      spec: {
        minReplicas: 2,
        maxReplicas: 10,
        scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "shop" },
      },
    },
    { apiVersion: "v1", kind: "ConfigMap", metadata, data: { LOG_LEVEL: "info", "app.properties": "cache=on" } },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "Role",
      metadata,
      rules: [{ apiGroups: [""], resources: ["pods", "pods/log"], verbs: ["get", "list", "watch"] }],
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRole",
      metadata: { name: "shop-reader" },
      rules: [{ apiGroups: ["apps"], resources: ["deployments"], verbs: ["get", "list"] }],
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata,
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "view" },
      subjects: [{ kind: "ServiceAccount", name: "shop", namespace: "shop" }],
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRoleBinding",
      metadata: { name: "shop-reader" },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "shop-reader" },
      subjects: [{ kind: "ServiceAccount", name: "shop", namespace: "shop" }],
    },
  ];
}

/** A good container's security context, made privileged (which also allows privilege escalation). */
export const PRIVILEGED_CONTAINER = {
  securityContext: {
    privileged: true,
    allowPrivilegeEscalation: true,
    readOnlyRootFilesystem: true,
    capabilities: { drop: ["ALL"] },
  },
};

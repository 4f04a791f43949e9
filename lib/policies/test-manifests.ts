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
    securityContext: { runAsNonRoot: true, runAsUser: 10001 },
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

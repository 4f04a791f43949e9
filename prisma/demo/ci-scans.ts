import "server-only";
import { ciPolicy, type TCiPolicy } from "@/lib/ci/policy-for-ci";
import { recordCiScan } from "@/lib/ci/record-scan";
import type { TScanResult } from "@/lib/ci/schemas";
import type { TManifest as TCliManifest } from "@/lib/cli/parse-manifests";
import { runChecks } from "@/lib/cli/run-checks";
import { ZPolicySettings } from "@/lib/cli/schemas";
import { buildUpload } from "@/lib/cli/upload";
import type { TKubeObject } from "@/lib/policies/types";

// CI results of Acme's repositories, as `bumpers check --server` would have uploaded them over the
// last week: the manifests below go through the real policy engine with the org's settings for the
// repository's team (prisma/demo/policies.ts), so check ids, messages and what blocks are what the
// CLI would send. Main branches get better over time; a feature branch makes a Job privileged,
// which blocks its merge.

type TManifest = { file: string; line: number; object: TKubeObject };

const HOUR_MS = 60 * 60 * 1000;

function container(name: string, image: string, extra: Record<string, unknown> = {}) {
  return { name, image, imagePullPolicy: "Always", ...extra };
}

// What Acme's base chart sets on every pod, so the demo's findings are the interesting ones.
const podDefaults = (name: string) => ({
  automountServiceAccountToken: false,
  priorityClassName: "acme-standard",
  topologySpreadConstraints: [
    {
      maxSkew: 1,
      topologyKey: "topology.kubernetes.io/zone",
      whenUnsatisfiable: "ScheduleAnyway",
      labelSelector: { matchLabels: { "app.kubernetes.io/name": name } },
    },
  ],
});

const hardened = {
  securityContext: {
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    runAsNonRoot: true,
    capabilities: { drop: ["ALL"] },
  },
};
const probes = {
  livenessProbe: { httpGet: { path: "/healthz", port: 8080 } },
  readinessProbe: { httpGet: { path: "/ready", port: 8080 } },
};
const resources = (cpu: string, memory: string) => ({
  resources: { requests: { cpu, memory }, limits: { cpu, memory } },
});

function deployment(
  namespace: string,
  name: string,
  containers: Record<string, unknown>[],
  spec: Record<string, unknown> = {},
): TKubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace, labels: { "app.kubernetes.io/name": name } },
    spec: {
      replicas: 3,
      selector: { matchLabels: { "app.kubernetes.io/name": name } },
      template: {
        metadata: { labels: { "app.kubernetes.io/name": name } },
        spec: { ...podDefaults(name), containers, ...spec },
      },
    },
  };
}

// ---- acme/payments-api ----

/** Three states of main: envoy hardened first, then the api's extra capability dropped. */
const paymentsApi = (version: string, stage: 0 | 1 | 2) =>
  deployment("payments-api", "payments-api", [
    container("api", `ghcr.io/acme/payments-api:${version}`, {
      ...probes,
      ...resources("500m", "1Gi"),
      securityContext: {
        allowPrivilegeEscalation: false,
        runAsNonRoot: true,
        readOnlyRootFilesystem: stage === 2,
        capabilities: stage === 2 ? { drop: ["ALL"] } : { drop: ["ALL"], add: ["NET_ADMIN"] },
      },
    }),
    container(
      "envoy",
      "docker.io/envoyproxy/envoy:v1.27.2",
      stage === 0
        ? { resources: { requests: { cpu: "100m" } } }
        : { ...hardened, ...resources("100m", "256Mi"), ...(stage === 2 ? probes : {}) },
    ),
  ]);

/** Payments makes a missing readiness probe block CI; main adds the worker's at the end. */
const paymentsWorker = (ready: boolean) =>
  deployment("payments-api", "payments-worker", [
    container("worker", "ghcr.io/acme/payments-worker:latest", {
      ...hardened,
      ...resources("250m", "512Mi"),
      ...(ready ? { readinessProbe: probes.readinessProbe } : {}),
    }),
  ]);

const ledgerMigrate = (privileged: boolean): TKubeObject => ({
  apiVersion: "batch/v1",
  kind: "Job",
  metadata: { name: "ledger-migrate", namespace: "payments-ledger" },
  spec: {
    template: {
      spec: {
        ...podDefaults("ledger-migrate"),
        restartPolicy: "Never",
        containers: [
          container("migrate", "ghcr.io/acme/ledger-migrate:3.2.0", {
            ...resources("200m", "256Mi"),
            env: [{ name: "DB_PASSWORD", value: "change-me" }],
            securityContext: privileged ? { privileged: true } : hardened.securityContext,
          }),
        ],
      },
    },
  },
});

// ---- acme/checkout-web ----

const storefront = (hostPath: boolean) =>
  deployment(
    "storefront",
    "storefront",
    [
      container("web", "ghcr.io/acme/storefront:5.8.1", {
        ...probes,
        ...hardened,
        resources: { requests: { cpu: "250m", memory: "512Mi" } },
        volumeMounts: hostPath ? [{ name: "cache", mountPath: "/var/cache/storefront" }] : [],
      }),
    ],
    hostPath ? { volumes: [{ name: "cache", hostPath: { path: "/var/cache/storefront" } }] } : {},
  );

const cartApi = deployment("checkout-web", "cart-api", [
  container("cart", "ghcr.io/acme/cart-api:1.9.0", { ...hardened, ...resources("250m", "256Mi") }),
]);

// ---- acme/platform-ingress ----

const ingressController: TKubeObject = {
  apiVersion: "apps/v1",
  kind: "DaemonSet",
  metadata: { name: "ingress-nginx-controller", namespace: "ingress-nginx" },
  spec: {
    selector: { matchLabels: { app: "ingress-nginx" } },
    template: {
      metadata: { labels: { app: "ingress-nginx" } },
      spec: {
        ...podDefaults("ingress-nginx"),
        hostNetwork: true,
        containers: [
          container("controller", "registry.k8s.io/ingress-nginx/controller:v1.9.4", {
            ...probes,
            ...resources("100m", "90Mi"),
            ports: [{ containerPort: 80, hostPort: 80 }],
            securityContext: { allowPrivilegeEscalation: true, capabilities: { add: ["NET_BIND_SERVICE"] } },
          }),
        ],
      },
    },
  },
};

// ---- acme/data-notebooks (no team has claimed it) ----

const jupyter = deployment("analytics", "jupyter-hub", [
  container("hub", "quay.io/jupyterhub/k8s-hub:3.1.0", { resources: { requests: { memory: "1Gi" } } }),
]);

/** One upload: a branch's manifests at a commit, `hoursAgo` before the seed ran. */
type TDemoScan = { repository: string; branch: string; commit: string; hoursAgo: number; manifests: TManifest[] };

const at = (file: string, line: number, object: TKubeObject): TManifest => ({ file, line, object });

/** An upload of `repository`'s `branch` at `commit`, `hoursAgo` before the seed ran. */
const scan = (
  [repository, branch]: [string, string],
  commit: string,
  hoursAgo: number,
  manifests: TManifest[],
): TDemoScan => ({ repository, branch, commit, hoursAgo, manifests });

/** acme/payments-api: the API at a version and stage, the worker (`workerLine` down) and the ledger job. */
const paymentsScan = (
  branch: string,
  commit: string,
  hoursAgo: number,
  api: Parameters<typeof paymentsApi>,
  worker: { line: number; ready: boolean },
  ledgerPrivileged: boolean,
) =>
  scan(["acme/payments-api", branch], commit, hoursAgo, [
    at("deploy/payments-api.yaml", 1, paymentsApi(...api)),
    at("deploy/payments-api.yaml", worker.line, paymentsWorker(worker.ready)),
    at("deploy/ledger-migrate.yaml", 1, ledgerMigrate(ledgerPrivileged)),
  ]);

/** acme/checkout-web on main: the storefront (with or without its hostPath volume) and the cart API. */
const checkoutScan = (commit: string, hoursAgo: number, hostPath: boolean) =>
  scan(["acme/checkout-web", "main"], commit, hoursAgo, [
    at("manifests/storefront.yaml", 1, storefront(hostPath)),
    at("manifests/cart-api.yaml", 1, cartApi),
  ]);

export const DEMO_CI_SCANS: readonly TDemoScan[] = [
  paymentsScan(
    "main",
    "4be1c9a27d0e5f8b3a6c1d2e9f0a7b8c5d4e3f21",
    150,
    ["2.14.2", 0],
    { line: 64, ready: false },
    false,
  ),
  scan(["acme/data-notebooks", "main"], "0c7d2e4f6a8b1c3d5e7f9a0b2c4d6e8f1a3b5c7d", 130, [
    at("k8s/jupyter-hub.yaml", 1, jupyter),
  ]),
  scan(["acme/platform-ingress", "main"], "9f3e1d7c5b2a4f6e8d0c1b3a5f7e9d2c4b6a8f0e", 96, [
    at("charts/ingress-nginx/rendered.yaml", 212, ingressController),
  ]),
  checkoutScan("71a9c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5a7", 80, true),
  paymentsScan(
    "main",
    "a1f0e2d3c4b5a6978877665544332211ffeeddcc",
    50,
    ["2.14.3", 1],
    { line: 68, ready: false },
    false,
  ),
  paymentsScan(
    "feature/ledger-v2",
    "d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5",
    20,
    ["2.15.0-rc.1", 1],
    { line: 68, ready: false },
    true,
  ),
  checkoutScan("e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9", 5, false),
  paymentsScan("main", "5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f", 2, ["2.14.4", 2], { line: 68, ready: true }, false),
];

/** The failing checks of a branch's manifests under a CI policy: what `bumpers check --server` uploads. */
export function scanResultsOf(manifests: readonly TManifest[], policy: TCiPolicy | null): TScanResult[] {
  const parsed: TCliManifest[] = manifests.map(({ file, line, object }) => {
    const metadata = (object.metadata ?? {}) as { name?: string; namespace?: string };
    return {
      file,
      line,
      object,
      apiVersion: String(object.apiVersion ?? ""),
      kind: String(object.kind ?? ""),
      namespace: metadata.namespace ?? "",
      name: metadata.name ?? "",
      lineOf: () => line,
    };
  });
  const report = runChecks(parsed, {
    policy: policy
      ? { source: "server", settings: ZPolicySettings.parse(policy) }
      : { source: "local", block: new Set() },
    targetVersion: null,
  });
  return buildUpload(report, { repository: "", branch: "", commit: "" }).upload.results;
}

/**
 * Uploads the demo's CI scans in the order they happened, each at its own time, under the policy
 * the org's settings give each repository (so run it after the policy settings are seeded).
 */
export async function seedCiScans(orgId: string, now: Date): Promise<void> {
  for (const scan of DEMO_CI_SCANS) {
    const { manifests, hoursAgo, ...where } = scan;
    const policy = await ciPolicy(orgId, scan.repository);
    await recordCiScan(
      orgId,
      { ...where, results: scanResultsOf(manifests, policy) },
      new Date(now.getTime() - hoursAgo * HOUR_MS),
    );
  }
}

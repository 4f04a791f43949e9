import type { TDemoContainer, TDemoWorkload, TQuantities } from "./workload-types";

// Acme's namespaces and workloads: those of the seed before reports existed, with the containers,
// requests, limits and images they run, the Polaris checks they fail and what changed over the last
// two weeks. Both clusters run them (staging without the ledger and the analytics namespace).

const GOLDILOCKS = { "goldilocks.fairwinds.com/enabled": "true" };
const none: TQuantities = ["0", "0"];
const app = (name: string, extra: Record<string, string> = {}) => ({ "app.kubernetes.io/name": name, ...extra });

const AGENT_LABELS = { app: "insights-agent", "app.kubernetes.io/managed-by": "Helm" };

/** A workload: where it runs and what it is, its labels, its pods in prod-us-east and containers. */
const workload = (
  [namespace, kind, name]: [string, TDemoWorkload["kind"], string],
  labels: Record<string, string>,
  replicas: number,
  containers: TDemoContainer[],
  more: Pick<TDemoWorkload, "staging" | "podPolaris"> = {},
): TDemoWorkload => ({ namespace, kind, name, labels, replicas, ...more, containers });

/** A container: its image, [cpu, memory] requests and limits, then what else it has. */
const container = (
  name: string,
  image: string,
  requests: TQuantities,
  limits: TQuantities,
  more: Pick<TDemoContainer, "polaris" | "vpaTarget" | "history"> = {},
): TDemoContainer => ({ name, image, requests, limits, ...more });

const UPLOADER = container(
  "insights-uploader",
  "quay.io/fairwinds/insights-uploader:0.3",
  ["100m", "128Mi"],
  ["250m", "256Mi"],
);

const agentJob = (component: string, image: string): TDemoWorkload =>
  workload(["insights-agent", "CronJob", component], { ...AGENT_LABELS, component }, 0, [
    container(component, image, ["100m", "128Mi"], ["500m", "512Mi"]),
    UPLOADER,
  ]);

/** The namespaces and workloads of the seed before reports existed, now with their containers. */
export const ACME_WORKLOADS: TDemoWorkload[] = [
  workload(
    ["payments-api", "Deployment", "payments-api"],
    app("payments-api", { "app.kubernetes.io/part-of": "payments" }),
    3,
    [
      container("api", "ghcr.io/acme/payments-api:2.14.3", ["500m", "1Gi"], ["1", "1Gi"], {
        polaris: ["insecureCapabilities"],
        vpaTarget: ["420m", "900Mi"],
        history: {
          middle: { polaris: ["insecureCapabilities", "notReadOnlyRootFilesystem"] },
          first: {
            image: "ghcr.io/acme/payments-api:2.14.2",
            polaris: ["insecureCapabilities", "notReadOnlyRootFilesystem", "runAsRootAllowed"],
          },
        },
      }),
      container("envoy", "docker.io/envoyproxy/envoy:v1.27.2", ["100m", "128Mi"], ["0", "256Mi"], {
        polaris: ["insecureCapabilities", "notReadOnlyRootFilesystem"],
        vpaTarget: ["40m", "96Mi"],
      }),
    ],
    { staging: { replicas: 2, images: { api: "ghcr.io/acme/payments-api:2.15.0-rc.1" } } },
  ),
  workload(
    ["payments-api", "Deployment", "fraud-scoring"],
    app("fraud-scoring", { "app.kubernetes.io/part-of": "payments" }),
    2,
    [
      container("scorer", "ghcr.io/acme/fraud-scoring:0.9.1", ["2", "4Gi"], ["2", "4Gi"], {
        polaris: ["runAsRootAllowed", "notReadOnlyRootFilesystem", "insecureCapabilities", "livenessProbeMissing"],
        vpaTarget: ["350m", "1536Mi"],
      }),
    ],
    { staging: { replicas: 1 } },
  ),
  workload(["payments-ledger", "StatefulSet", "ledger-postgres"], { app: "ledger-postgres" }, 2, [
    container("postgres", "docker.io/library/postgres:15.4", ["1", "4Gi"], ["2", "4Gi"], {
      polaris: ["privilegeEscalationAllowed", "runAsRootAllowed", "notReadOnlyRootFilesystem", "insecureCapabilities"],
    }),
  ]),
  workload(["payments-ledger", "CronJob", "ledger-reconcile"], { app: "ledger-reconcile" }, 0, [
    container("reconcile", "ghcr.io/acme/ledger-reconcile:1.3.0", ["250m", "512Mi"], ["0", "512Mi"], {
      polaris: ["notReadOnlyRootFilesystem", "insecureCapabilities", "pullPolicyNotAlways"],
    }),
  ]),
  workload(["payments-sandbox", "Deployment", "payments-api"], app("payments-api"), 1, [
    container("api", "ghcr.io/acme/payments-api:2.15.0-rc.1", none, none, {
      polaris: [
        "dangerousCapabilities",
        "privilegeEscalationAllowed",
        "runAsRootAllowed",
        "notReadOnlyRootFilesystem",
        "insecureCapabilities",
        "livenessProbeMissing",
        "readinessProbeMissing",
      ],
    }),
  ]),
  workload(
    ["checkout-web", "Deployment", "storefront"],
    app("storefront", { "app.kubernetes.io/part-of": "checkout" }),
    4,
    [
      // Checkout fixed every Polaris finding here over the last two weeks.
      container("web", "ghcr.io/acme/storefront:5.2.0", ["250m", "256Mi"], ["500m", "512Mi"], {
        polaris: [],
        vpaTarget: ["230m", "700Mi"],
        history: {
          middle: { polaris: ["notReadOnlyRootFilesystem"] },
          first: { polaris: ["notReadOnlyRootFilesystem", "readinessProbeMissing", "privilegeEscalationAllowed"] },
        },
      }),
    ],
    { staging: { replicas: 2 } },
  ),
  workload(
    ["checkout-web", "Deployment", "cart-api"],
    app("cart-api", { "app.kubernetes.io/part-of": "checkout" }),
    3,
    [
      // Rightsized after Goldilocks flagged it; the liveness probe was fixed, then lost again.
      container("api", "ghcr.io/acme/cart-api:3.8.1", ["300m", "512Mi"], ["600m", "512Mi"], {
        polaris: ["insecureCapabilities", "pullPolicyNotAlways", "livenessProbeMissing"],
        vpaTarget: ["280m", "480Mi"],
        history: {
          middle: { polaris: ["insecureCapabilities", "pullPolicyNotAlways"] },
          first: {
            requests: ["1", "2Gi"],
            limits: ["2", "2Gi"],
            polaris: [
              "insecureCapabilities",
              "pullPolicyNotAlways",
              "livenessProbeMissing",
              "privilegeEscalationAllowed",
            ],
          },
        },
      }),
    ],
    { staging: { replicas: 1 } },
  ),
  workload(
    ["checkout-search", "StatefulSet", "search-opensearch"],
    { app: "opensearch" },
    3,
    [
      container("opensearch", "docker.io/opensearchproject/opensearch:2.11.1", ["1", "4Gi"], ["2", "4Gi"], {
        polaris: [
          "privilegeEscalationAllowed",
          "runAsRootAllowed",
          "insecureCapabilities",
          "notReadOnlyRootFilesystem",
        ],
      }),
    ],
    { staging: { replicas: 1 } },
  ),
  workload(
    ["kube-system", "Deployment", "coredns"],
    { "k8s-app": "kube-dns", "eks.amazonaws.com/component": "coredns" },
    2,
    [container("coredns", "k8s.gcr.io/coredns/coredns:v1.8.0", ["100m", "70Mi"], ["0", "170Mi"])],
  ),
  workload(
    ["kube-system", "DaemonSet", "kube-proxy"],
    { "k8s-app": "kube-proxy", "eks.amazonaws.com/component": "kube-proxy" },
    0 /* one per node */,
    [
      container(
        "kube-proxy",
        "602401143452.dkr.ecr.us-east-1.amazonaws.com/eks/kube-proxy:v1.29.7-minimal-eksbuild.2",
        ["100m", "0"],
        none,
        { polaris: ["runAsPrivileged", "privilegeEscalationAllowed", "runAsRootAllowed", "notReadOnlyRootFilesystem"] },
      ),
    ],
    { podPolaris: ["hostNetworkSet"] },
  ),
  workload(
    ["ingress-nginx", "Deployment", "ingress-nginx-controller"],
    app("ingress-nginx", { "app.kubernetes.io/component": "controller" }),
    2,
    [
      container("controller", "registry.k8s.io/ingress-nginx/controller:v1.8.1", ["100m", "90Mi"], none, {
        polaris: ["insecureCapabilities", "notReadOnlyRootFilesystem"],
        history: { first: { image: "registry.k8s.io/ingress-nginx/controller:v1.8.0" } },
      }),
    ],
  ),
  workload(
    ["cert-manager", "Deployment", "cert-manager"],
    app("cert-manager", { "app.kubernetes.io/component": "controller" }),
    1,
    [
      container(
        "cert-manager-controller",
        "quay.io/jetstack/cert-manager-controller:v1.11.0",
        ["10m", "32Mi"],
        ["100m", "128Mi"],
      ),
    ],
  ),
  workload(
    ["monitoring", "StatefulSet", "prometheus-server"],
    app("prometheus", { "app.kubernetes.io/component": "server" }),
    1,
    [
      container("prometheus-server", "quay.io/prometheus/prometheus:v2.47.0", ["500m", "2Gi"], ["1", "2Gi"], {
        vpaTarget: ["560m", "3200Mi"],
      }),
      container(
        "config-reloader",
        "quay.io/prometheus-operator/prometheus-config-reloader:v0.68.0",
        ["10m", "25Mi"],
        ["10m", "50Mi"],
      ),
    ],
  ),
  workload(["monitoring", "Deployment", "grafana"], app("grafana"), 1, [
    container("grafana", "docker.io/grafana/grafana:10.1.2", ["100m", "128Mi"], ["0", "256Mi"], {
      polaris: ["runAsRootAllowed", "notReadOnlyRootFilesystem", "insecureCapabilities"],
      vpaTarget: ["35m", "180Mi"],
    }),
  ]),
  workload(["data-analytics", "CronJob", "nightly-export"], { app: "nightly-export", team: "payments" }, 0, [
    container("export", "ghcr.io/acme/nightly-export:0.4.2", ["500m", "1Gi"], ["1", "2Gi"], {
      polaris: ["runAsRootAllowed", "notReadOnlyRootFilesystem", "insecureCapabilities"],
    }),
  ]),
  workload(["data-analytics", "Deployment", "jupyter-hub"], { app: "jupyter-hub" }, 1, [
    container("hub", "quay.io/jupyterhub/k8s-hub:latest", none, none, {
      polaris: [
        "privilegeEscalationAllowed",
        "runAsRootAllowed",
        "notReadOnlyRootFilesystem",
        "insecureCapabilities",
        "pullPolicyNotAlways",
      ],
      vpaTarget: ["150m", "600Mi"],
    }),
  ]),
  agentJob("polaris", "quay.io/fairwinds/polaris:8.5"),
  agentJob("trivy", "quay.io/fairwinds/fw-trivy:0.18"),
  agentJob("workloads", "quay.io/fairwinds/workloads:2.2"),
];

/** Namespace → its labels beyond kubernetes.io/metadata.name; Goldilocks watches the labelled ones. */
export const ACME_NAMESPACES: Record<string, Record<string, string>> = {
  "payments-api": { ...GOLDILOCKS },
  "payments-ledger": {},
  "payments-sandbox": {},
  "checkout-web": { ...GOLDILOCKS },
  "checkout-search": {},
  "kube-system": {},
  "ingress-nginx": {},
  "cert-manager": {},
  monitoring: { ...GOLDILOCKS },
  "data-analytics": { ...GOLDILOCKS },
  "insights-agent": {},
};

import type { TDemoContainer, TDemoWorkload, TQuantities } from "./workload-types";

// Acme's namespaces and workloads: those of the seed before reports existed, with the containers,
// requests, limits and images they run, the Polaris checks they fail and what changed over the last
// two weeks. Both clusters run them (staging without the ledger and the analytics namespace).

const GOLDILOCKS = { "goldilocks.fairwinds.com/enabled": "true" };
const none: TQuantities = ["0", "0"];
const app = (name: string, extra: Record<string, string> = {}) => ({ "app.kubernetes.io/name": name, ...extra });

const AGENT_LABELS = { app: "insights-agent", "app.kubernetes.io/managed-by": "Helm" };
const UPLOADER: TDemoContainer = {
  name: "insights-uploader",
  image: "quay.io/fairwinds/insights-uploader:0.3",
  requests: ["100m", "128Mi"],
  limits: ["250m", "256Mi"],
};

const agentJob = (component: string, image: string): TDemoWorkload => ({
  namespace: "insights-agent",
  kind: "CronJob",
  name: component,
  labels: { ...AGENT_LABELS, component },
  replicas: 0,
  containers: [{ name: component, image, requests: ["100m", "128Mi"], limits: ["500m", "512Mi"] }, UPLOADER],
});

/** The namespaces and workloads of the seed before reports existed, now with their containers. */
export const ACME_WORKLOADS: TDemoWorkload[] = [
  {
    namespace: "payments-api",
    kind: "Deployment",
    name: "payments-api",
    labels: app("payments-api", { "app.kubernetes.io/part-of": "payments" }),
    replicas: 3,
    staging: { replicas: 2, images: { api: "ghcr.io/acme/payments-api:2.15.0-rc.1" } },
    containers: [
      {
        name: "api",
        image: "ghcr.io/acme/payments-api:2.14.3",
        requests: ["500m", "1Gi"],
        limits: ["1", "1Gi"],
        polaris: ["insecureCapabilities"],
        vpaTarget: ["420m", "900Mi"],
        history: {
          middle: { polaris: ["insecureCapabilities", "notReadOnlyRootFilesystem"] },
          first: {
            image: "ghcr.io/acme/payments-api:2.14.2",
            polaris: ["insecureCapabilities", "notReadOnlyRootFilesystem", "runAsRootAllowed"],
          },
        },
      },
      {
        name: "envoy",
        image: "docker.io/envoyproxy/envoy:v1.27.2",
        requests: ["100m", "128Mi"],
        limits: ["0", "256Mi"],
        polaris: ["insecureCapabilities", "notReadOnlyRootFilesystem"],
        vpaTarget: ["40m", "96Mi"],
      },
    ],
  },
  {
    namespace: "payments-api",
    kind: "Deployment",
    name: "fraud-scoring",
    labels: app("fraud-scoring", { "app.kubernetes.io/part-of": "payments" }),
    replicas: 2,
    staging: { replicas: 1 },
    containers: [
      {
        name: "scorer",
        image: "ghcr.io/acme/fraud-scoring:0.9.1",
        requests: ["2", "4Gi"],
        limits: ["2", "4Gi"],
        polaris: ["runAsRootAllowed", "notReadOnlyRootFilesystem", "insecureCapabilities", "livenessProbeMissing"],
        vpaTarget: ["350m", "1536Mi"],
      },
    ],
  },
  {
    namespace: "payments-ledger",
    kind: "StatefulSet",
    name: "ledger-postgres",
    labels: { app: "ledger-postgres" },
    replicas: 2,
    containers: [
      {
        name: "postgres",
        image: "docker.io/library/postgres:15.4",
        requests: ["1", "4Gi"],
        limits: ["2", "4Gi"],
        polaris: [
          "privilegeEscalationAllowed",
          "runAsRootAllowed",
          "notReadOnlyRootFilesystem",
          "insecureCapabilities",
        ],
      },
    ],
  },
  {
    namespace: "payments-ledger",
    kind: "CronJob",
    name: "ledger-reconcile",
    labels: { app: "ledger-reconcile" },
    replicas: 0,
    containers: [
      {
        name: "reconcile",
        image: "ghcr.io/acme/ledger-reconcile:1.3.0",
        requests: ["250m", "512Mi"],
        limits: ["0", "512Mi"],
        polaris: ["notReadOnlyRootFilesystem", "insecureCapabilities", "pullPolicyNotAlways"],
      },
    ],
  },
  {
    namespace: "payments-sandbox",
    kind: "Deployment",
    name: "payments-api",
    labels: app("payments-api"),
    replicas: 1,
    containers: [
      {
        name: "api",
        image: "ghcr.io/acme/payments-api:2.15.0-rc.1",
        requests: none,
        limits: none,
        polaris: [
          "dangerousCapabilities",
          "privilegeEscalationAllowed",
          "runAsRootAllowed",
          "notReadOnlyRootFilesystem",
          "insecureCapabilities",
          "livenessProbeMissing",
          "readinessProbeMissing",
        ],
      },
    ],
  },
  {
    namespace: "checkout-web",
    kind: "Deployment",
    name: "storefront",
    labels: app("storefront", { "app.kubernetes.io/part-of": "checkout" }),
    replicas: 4,
    staging: { replicas: 2 },
    containers: [
      {
        // Checkout fixed every Polaris finding here over the last two weeks.
        name: "web",
        image: "ghcr.io/acme/storefront:5.2.0",
        requests: ["250m", "256Mi"],
        limits: ["500m", "512Mi"],
        polaris: [],
        vpaTarget: ["230m", "700Mi"],
        history: {
          middle: { polaris: ["notReadOnlyRootFilesystem"] },
          first: { polaris: ["notReadOnlyRootFilesystem", "readinessProbeMissing", "privilegeEscalationAllowed"] },
        },
      },
    ],
  },
  {
    namespace: "checkout-web",
    kind: "Deployment",
    name: "cart-api",
    labels: app("cart-api", { "app.kubernetes.io/part-of": "checkout" }),
    replicas: 3,
    staging: { replicas: 1 },
    containers: [
      {
        // Rightsized after Goldilocks flagged it; the liveness probe was fixed, then lost again.
        name: "api",
        image: "ghcr.io/acme/cart-api:3.8.1",
        requests: ["300m", "512Mi"],
        limits: ["600m", "512Mi"],
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
      },
    ],
  },
  {
    namespace: "checkout-search",
    kind: "StatefulSet",
    name: "search-opensearch",
    labels: { app: "opensearch" },
    replicas: 3,
    staging: { replicas: 1 },
    containers: [
      {
        name: "opensearch",
        image: "docker.io/opensearchproject/opensearch:2.11.1",
        requests: ["1", "4Gi"],
        limits: ["2", "4Gi"],
        polaris: [
          "privilegeEscalationAllowed",
          "runAsRootAllowed",
          "insecureCapabilities",
          "notReadOnlyRootFilesystem",
        ],
      },
    ],
  },
  {
    namespace: "kube-system",
    kind: "Deployment",
    name: "coredns",
    labels: { "k8s-app": "kube-dns", "eks.amazonaws.com/component": "coredns" },
    replicas: 2,
    containers: [
      {
        name: "coredns",
        image: "k8s.gcr.io/coredns/coredns:v1.8.0",
        requests: ["100m", "70Mi"],
        limits: ["0", "170Mi"],
      },
    ],
  },
  {
    namespace: "kube-system",
    kind: "DaemonSet",
    name: "kube-proxy",
    labels: { "k8s-app": "kube-proxy", "eks.amazonaws.com/component": "kube-proxy" },
    replicas: 0, // one per node
    podPolaris: ["hostNetworkSet"],
    containers: [
      {
        name: "kube-proxy",
        image: "602401143452.dkr.ecr.us-east-1.amazonaws.com/eks/kube-proxy:v1.29.7-minimal-eksbuild.2",
        requests: ["100m", "0"],
        limits: none,
        polaris: ["runAsPrivileged", "privilegeEscalationAllowed", "runAsRootAllowed", "notReadOnlyRootFilesystem"],
      },
    ],
  },
  {
    namespace: "ingress-nginx",
    kind: "Deployment",
    name: "ingress-nginx-controller",
    labels: app("ingress-nginx", { "app.kubernetes.io/component": "controller" }),
    replicas: 2,
    containers: [
      {
        name: "controller",
        image: "registry.k8s.io/ingress-nginx/controller:v1.8.1",
        requests: ["100m", "90Mi"],
        limits: none,
        polaris: ["insecureCapabilities", "notReadOnlyRootFilesystem"],
        history: { first: { image: "registry.k8s.io/ingress-nginx/controller:v1.8.0" } },
      },
    ],
  },
  {
    namespace: "cert-manager",
    kind: "Deployment",
    name: "cert-manager",
    labels: app("cert-manager", { "app.kubernetes.io/component": "controller" }),
    replicas: 1,
    containers: [
      {
        name: "cert-manager-controller",
        image: "quay.io/jetstack/cert-manager-controller:v1.11.0",
        requests: ["10m", "32Mi"],
        limits: ["100m", "128Mi"],
      },
    ],
  },
  {
    namespace: "monitoring",
    kind: "StatefulSet",
    name: "prometheus-server",
    labels: app("prometheus", { "app.kubernetes.io/component": "server" }),
    replicas: 1,
    containers: [
      {
        name: "prometheus-server",
        image: "quay.io/prometheus/prometheus:v2.47.0",
        requests: ["500m", "2Gi"],
        limits: ["1", "2Gi"],
        vpaTarget: ["560m", "3200Mi"],
      },
      {
        name: "config-reloader",
        image: "quay.io/prometheus-operator/prometheus-config-reloader:v0.68.0",
        requests: ["10m", "25Mi"],
        limits: ["10m", "50Mi"],
      },
    ],
  },
  {
    namespace: "monitoring",
    kind: "Deployment",
    name: "grafana",
    labels: app("grafana"),
    replicas: 1,
    containers: [
      {
        name: "grafana",
        image: "docker.io/grafana/grafana:10.1.2",
        requests: ["100m", "128Mi"],
        limits: ["0", "256Mi"],
        polaris: ["runAsRootAllowed", "notReadOnlyRootFilesystem", "insecureCapabilities"],
        vpaTarget: ["35m", "180Mi"],
      },
    ],
  },
  {
    namespace: "data-analytics",
    kind: "CronJob",
    name: "nightly-export",
    labels: { app: "nightly-export", team: "payments" },
    replicas: 0,
    containers: [
      {
        name: "export",
        image: "ghcr.io/acme/nightly-export:0.4.2",
        requests: ["500m", "1Gi"],
        limits: ["1", "2Gi"],
        polaris: ["runAsRootAllowed", "notReadOnlyRootFilesystem", "insecureCapabilities"],
      },
    ],
  },
  {
    namespace: "data-analytics",
    kind: "Deployment",
    name: "jupyter-hub",
    labels: { app: "jupyter-hub" },
    replicas: 1,
    containers: [
      {
        name: "hub",
        image: "quay.io/jupyterhub/k8s-hub:latest",
        requests: none,
        limits: none,
        polaris: [
          "privilegeEscalationAllowed",
          "runAsRootAllowed",
          "notReadOnlyRootFilesystem",
          "insecureCapabilities",
          "pullPolicyNotAlways",
        ],
        vpaTarget: ["150m", "600Mi"],
      },
    ],
  },
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

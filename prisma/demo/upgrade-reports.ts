import type { TDemoCluster } from "./inventory";
import type { TPhase } from "./phases";

// Pluto and Nova, shaped like ../shared/fixtures/pluto/docs-output-example.json (`pluto detect-helm
// -o json`: items named "<release>/<object>" in the release's namespace) and
// ../shared/fixtures/nova/usage-output-example.json (`nova find --helm --containers`).

type TDeprecatedApi = {
  release: string;
  object: string;
  namespace: string;
  version: string;
  kind: string;
  deprecatedIn: string;
  removedIn: string;
  replacement: string;
};

const PDB_V1BETA1 = {
  version: "policy/v1beta1",
  deprecatedIn: "v1.21.0",
  removedIn: "v1.25.0",
  replacement: "policy/v1",
};
const PSP_V1BETA1 = { version: "policy/v1beta1", deprecatedIn: "v1.21.0", removedIn: "v1.25.0", replacement: "" };
const HPA_V2BETA2 = {
  version: "autoscaling/v2beta2",
  deprecatedIn: "v1.23.0",
  removedIn: "v1.26.0",
  replacement: "autoscaling/v2",
};
const INGRESS_V1BETA1 = {
  version: "networking.k8s.io/v1beta1",
  deprecatedIn: "v1.19.0",
  removedIn: "v1.22.0",
  replacement: "networking.k8s.io/v1",
};

/** Objects of Helm releases still written with old API versions, per cluster and phase. */
function deprecatedApis(cluster: TDemoCluster, phase: TPhase): TDeprecatedApi[] {
  if (cluster.slug === "prod-us-east") {
    // The prometheus chart's PodSecurityPolicy went away with its upgrade.
    return phase === "first"
      ? [
          {
            release: "prometheus",
            object: "prometheus-server",
            namespace: "monitoring",
            kind: "PodSecurityPolicy",
            ...PSP_V1BETA1,
          },
        ]
      : [];
  }
  const current: TDeprecatedApi[] = [
    {
      release: "cart-api",
      object: "cart-api",
      namespace: "checkout-web",
      kind: "HorizontalPodAutoscaler",
      ...HPA_V2BETA2,
    },
    {
      release: "payments-api",
      object: "payments-api",
      namespace: "payments-api",
      kind: "PodDisruptionBudget",
      ...PDB_V1BETA1,
    },
  ];
  const fixed: TDeprecatedApi[] = [
    { release: "storefront", object: "storefront", namespace: "checkout-web", kind: "Ingress", ...INGRESS_V1BETA1 },
  ];
  return phase === "first" ? [...current, ...fixed] : current;
}

/** `v1.29.0` from "1.29+". */
const targetVersion = (cluster: TDemoCluster) => `v${cluster.serverVersion.replace(/\+$/, "")}.0`;

/** Whether the cluster version `target` has reached `version` (so the API is deprecated or removed there). */
function reachedBy(version: string, target: string): boolean {
  const parts = (v: string) => v.replace(/^v/, "").split(".").map(Number);
  const [a, b] = [parts(version), parts(target)];
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return true;
}

export function plutoReport(cluster: TDemoCluster, phase: TPhase) {
  const target = targetVersion(cluster);
  const items = deprecatedApis(cluster, phase).map((d) => ({
    name: `${d.release}/${d.object}`,
    namespace: d.namespace,
    api: {
      version: d.version,
      kind: d.kind,
      "deprecated-in": d.deprecatedIn,
      "removed-in": d.removedIn,
      "replacement-api": d.replacement,
      component: "k8s",
    },
    deprecated: reachedBy(d.deprecatedIn, target),
    removed: reachedBy(d.removedIn, target),
  }));
  // Pluto leaves `items` out when it found nothing.
  return { ...(items.length > 0 ? { items } : {}), "target-versions": { k8s: target } };
}

type TRelease = {
  release: string;
  chart: string;
  namespace: string;
  description: string;
  home: string;
  installed: [version: string, app: string];
  latest: [version: string, app: string];
  deprecated?: boolean;
};

function releases(cluster: TDemoCluster, phase: TPhase): TRelease[] {
  const first = phase === "first";
  const list: TRelease[] = [
    {
      release: "ingress-nginx",
      chart: "ingress-nginx",
      namespace: "ingress-nginx",
      description: "Ingress controller for Kubernetes using NGINX as a reverse proxy and load balancer",
      home: "https://github.com/kubernetes/ingress-nginx",
      installed: first ? ["4.7.0", "1.8.0"] : ["4.7.1", "1.8.1"],
      latest: first ? ["4.10.0", "1.10.0"] : ["4.11.2", "1.11.2"],
    },
    {
      release: "cert-manager",
      chart: "cert-manager",
      namespace: "cert-manager",
      description: "A Helm chart for cert-manager",
      home: "https://github.com/cert-manager/cert-manager",
      installed: ["v1.11.0", "v1.11.0"],
      latest: first ? ["v1.15.1", "v1.15.1"] : ["v1.15.3", "v1.15.3"],
    },
    {
      release: "prometheus",
      chart: "prometheus",
      namespace: "monitoring",
      description: "Prometheus is a monitoring system and time series database.",
      home: "https://prometheus.io/",
      installed: ["25.0.0", "v2.47.0"],
      latest: first ? ["25.26.0", "v2.54.0"] : ["25.27.0", "v2.54.1"],
    },
    {
      release: "grafana",
      chart: "grafana",
      namespace: "monitoring",
      description: "The leading tool for querying and visualizing time series and metrics.",
      home: "https://grafana.com",
      installed: ["6.59.0", "10.1.2"],
      latest: ["8.5.1", "11.2.0"],
    },
    {
      release: "opensearch",
      chart: "opensearch",
      namespace: "checkout-search",
      description: "A Helm chart for OpenSearch",
      home: "https://github.com/opensearch-project/helm-charts",
      installed: ["2.16.1", "2.11.1"],
      latest: ["2.23.1", "2.17.0"],
    },
    {
      release: "insights-agent",
      chart: "insights-agent",
      namespace: "insights-agent",
      description: "Fairwinds Insights Agent",
      home: "https://insights.docs.fairwinds.com",
      installed: [cluster.chartVersion, cluster.agentVersion],
      latest: ["4.7.0", "5.9.0"],
    },
  ];
  // The deprecated stable/metrics-server chart, replaced by the maintained one after the first report.
  list.push(
    first
      ? {
          release: "metrics-server",
          chart: "metrics-server",
          namespace: "kube-system",
          description: "Metrics Server is a cluster-wide aggregator of resource usage data.",
          home: "https://github.com/kubernetes-incubator/metrics-server",
          installed: ["2.11.4", "0.3.6"],
          latest: ["2.11.4", "0.3.6"],
          deprecated: true,
        }
      : {
          release: "metrics-server",
          chart: "metrics-server",
          namespace: "kube-system",
          description: "Metrics Server is a scalable, efficient source of container resource metrics.",
          home: "https://github.com/kubernetes-sigs/metrics-server",
          installed: ["3.12.1", "0.7.1"],
          latest: ["3.12.1", "0.7.1"],
        },
  );
  return list;
}

function olderThan(a: string, b: string): boolean {
  const parts = (v: string) => v.replace(/^v/, "").split(".").map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0);
  return false;
}

type TImage = { name: string; current: string; latest: string; minor: string; patch: string; workload: string[] };

const IMAGES: TImage[] = [
  {
    name: "k8s.gcr.io/coredns/coredns",
    current: "v1.8.0",
    latest: "v1.11.3",
    minor: "v1.11.3",
    patch: "v1.8.7",
    workload: ["kube-system", "Deployment", "coredns", "coredns"],
  },
  {
    name: "docker.io/library/postgres",
    current: "15.4",
    latest: "16.4",
    minor: "15.8",
    patch: "15.4",
    workload: ["payments-ledger", "StatefulSet", "ledger-postgres", "postgres"],
  },
  {
    name: "docker.io/opensearchproject/opensearch",
    current: "2.11.1",
    latest: "2.17.1",
    minor: "2.17.1",
    patch: "2.11.1",
    workload: ["checkout-search", "StatefulSet", "search-opensearch", "opensearch"],
  },
  {
    name: "docker.io/grafana/grafana",
    current: "10.1.2",
    latest: "11.2.0",
    minor: "10.4.8",
    patch: "10.1.10",
    workload: ["monitoring", "Deployment", "grafana", "grafana"],
  },
];

export function novaReport(cluster: TDemoCluster, phase: TPhase) {
  const runs = (ns: string, name: string) => cluster.workloads.some((w) => w.namespace === ns && w.name === name);
  return {
    helm: releases(cluster, phase).map((r) => ({
      release: r.release,
      chartName: r.chart,
      namespace: r.namespace,
      description: r.description,
      home: r.home,
      Installed: { version: r.installed[0], appVersion: r.installed[1] },
      Latest: { version: r.latest[0], appVersion: r.latest[1] },
      outdated: olderThan(r.installed[0], r.latest[0]),
      deprecated: r.deprecated ?? false,
      helmVersion: "3",
      overridden: false,
    })),
    include_all: false,
    container: {
      container_images: IMAGES.filter((i) => runs(i.workload[0], i.workload[2])).map((i) => ({
        name: i.name,
        current_version: i.current,
        latest_version: i.latest,
        latest_minor_version: i.minor,
        latest_patch_version: i.patch,
        outdated: true,
        affectedWorkloads: [
          { name: i.workload[2], namespace: i.workload[0], kind: i.workload[1], container: i.workload[3] },
        ],
      })),
      err_images: null,
      latest_string_found: cluster.workloads.some((w) => w.containers.some((c) => c.image.endsWith(":latest"))),
    },
  };
}

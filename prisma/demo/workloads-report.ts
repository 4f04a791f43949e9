import { parseQuantity } from "@/lib/domain/quantity";
import { demoUid } from "./ids";
import { containerAt, nodesIn, replicasIn, type TDemoCluster, type TDemoNode } from "./inventory";
import { daysBefore, phaseTime, type TPhase } from "./phases";

// The insights-agent `workloads` inventory, shaped like lib/ingest/parsers/fixtures/workloads-report.json
// (insights-plugins plugins/workloads/pkg/info.go ClusterWorkloadReport as encoding/json writes it:
// Go field names, corev1 objects for namespaces, quantity strings, "0" for an unset request).

type TTotals = { cpu: number; memory: number; cpuLimit: number; memoryLimit: number; pods: number };

const quantity = (q: string) => parseQuantity(q) ?? 0;
const milli = (cores: number) => `${Math.round(cores * 1000)}m`;
const mebi = (bytes: number) => `${Math.round(bytes / 2 ** 20)}Mi`;
/** metav1.Time: RFC 3339 in whole seconds. */
export const kubeTime = (at: Date) => at.toISOString().replace(/\.\d+Z$/, "Z");

/** Pods spread round-robin over the nodes, so each node's allocated figures add up to the workloads'. */
function nodeTotals(cluster: TDemoCluster, phase: TPhase): TTotals[] {
  const totals = nodesIn(cluster, phase).map(() => ({ cpu: 0, memory: 0, cpuLimit: 0, memoryLimit: 0, pods: 0 }));
  let next = 0;
  for (const w of cluster.workloads) {
    const replicas = replicasIn(cluster, w, phase);
    for (let i = 0; i < replicas; i++) {
      const node = totals[w.kind === "DaemonSet" ? i : next++ % totals.length];
      node.pods++;
      for (const c of w.containers.map((c) => containerAt(cluster, w, c, phase))) {
        node.cpu += quantity(c.requests[0]);
        node.memory += quantity(c.requests[1]);
        node.cpuLimit += quantity(c.limits[0]);
        node.memoryLimit += quantity(c.limits[1]);
      }
    }
  }
  return totals;
}

function nodeSummary(cluster: TDemoCluster, node: TDemoNode, totals: TTotals, now: Date) {
  const round = (n: number) => Math.round(n * 1000) / 1000;
  const cpu = quantity(node.allocatable.cpu);
  const memory = quantity(node.allocatable.memory);
  const created = kubeTime(daysBefore(now, node.createdDaysAgo));
  return {
    Name: node.name,
    UID: demoUid(cluster.slug, "node", node.name),
    Labels: {
      "beta.kubernetes.io/arch": "amd64",
      "beta.kubernetes.io/os": "linux",
      "kubernetes.io/arch": "amd64",
      "kubernetes.io/hostname": node.name,
      "kubernetes.io/os": "linux",
      "node.kubernetes.io/instance-type": node.instanceType,
      "topology.kubernetes.io/region": cluster.region,
      "topology.kubernetes.io/zone": node.zone,
      "eks.amazonaws.com/nodegroup": "general",
      "eks.amazonaws.com/capacityType": "ON_DEMAND",
    },
    Annotations: {
      "alpha.kubernetes.io/provided-node-ip": node.ip,
      "node.alpha.kubernetes.io/ttl": "0",
      "volumes.kubernetes.io/controller-managed-attach-detach": "true",
    },
    CreationTimestamp: created,
    Capacity: {
      "attachable-volumes-aws-ebs": "25",
      cpu: node.capacity.cpu,
      "ephemeral-storage": "83873772Ki",
      "hugepages-1Gi": "0",
      "hugepages-2Mi": "0",
      memory: node.capacity.memory,
      pods: "58",
    },
    Allocatable: {
      "attachable-volumes-aws-ebs": "25",
      cpu: node.allocatable.cpu,
      "ephemeral-storage": "76224326324",
      "hugepages-1Gi": "0",
      "hugepages-2Mi": "0",
      memory: node.allocatable.memory,
      pods: "58",
    },
    AllocatedLimits: { cpu: milli(totals.cpuLimit), memory: mebi(totals.memoryLimit), pods: String(totals.pods) },
    AllocatedRequests: { cpu: milli(totals.cpu), memory: mebi(totals.memory), pods: String(totals.pods) },
    Utilization: {
      cpuRequestsFraction: round(totals.cpu / cpu),
      cpuLimitsFraction: round(totals.cpuLimit / cpu),
      memoryRequestsFraction: round(totals.memory / memory),
      memoryLimitsFraction: round(totals.memoryLimit / memory),
      gpuRequestsFraction: 0,
      gpuLimitsFraction: 0,
    },
    KubeletVersion: node.kubeletVersion,
    KubeProxyVersion: node.kubeletVersion,
    IsControlPlaneNode: false,
    Conditions: [
      {
        Type: "Ready",
        Status: "True",
        Reason: "KubeletReady",
        Message: "kubelet is posting ready status",
        LastTransitionTime: created,
      },
    ],
    Unschedulable: false,
    Addresses: [
      { Type: "InternalIP", Address: node.ip },
      { Type: "Hostname", Address: node.name },
    ],
    ProviderID: `aws:///${node.zone}/i-${demoUid(node.name).replaceAll("-", "").slice(0, 17)}`,
    NodeInfo: {
      Architecture: "amd64",
      OperatingSystem: "linux",
      OSImage: "Amazon Linux 2",
      ContainerRuntimeVersion: "containerd://1.7.22",
      KernelVersion: "5.10.226-214.880.amzn2.x86_64",
      KubeletVersion: node.kubeletVersion,
    },
  };
}

export function workloadsReport(cluster: TDemoCluster, phase: TPhase, now: Date) {
  const at = phaseTime(phase, now);
  const created = kubeTime(daysBefore(now, 60));
  const totals = nodeTotals(cluster, phase);
  const namespaces = Object.entries(cluster.namespaces);
  return {
    ServerVersion: cluster.serverVersion,
    CreationTime: at.toISOString(),
    SourceName: cluster.slug,
    SourceType: "Cluster",
    Nodes: nodesIn(cluster, phase).map((node, i) => nodeSummary(cluster, node, totals[i], now)),
    Namespaces: namespaces.map(([name, labels], i) => ({
      metadata: {
        name,
        uid: demoUid(cluster.slug, "namespace", name),
        resourceVersion: String(200 + i),
        creationTimestamp: created,
        labels: { "kubernetes.io/metadata.name": name, ...labels },
      },
      spec: { finalizers: ["kubernetes"] },
      status: { phase: "Active" },
    })),
    NamespaceCounts: namespaces.map(([name]) => ({
      Name: name,
      ResourceQuotaCount: 0,
      LimitRangeCount: 0,
      NetworkPolicyCount: 0,
      PodCount: cluster.workloads
        .filter((w) => w.namespace === name)
        .reduce((n, w) => n + replicasIn(cluster, w, phase), 0),
      ServiceCount: 0,
      IngressCount: 0,
    })),
    Controllers: cluster.workloads.map((w) => {
      const replicas = replicasIn(cluster, w, phase);
      return {
        Kind: w.kind,
        Name: w.name,
        Namespace: w.namespace,
        Annotations: w.kind === "Deployment" ? { "deployment.kubernetes.io/revision": "1" } : {},
        Labels: w.labels,
        PodLabels: w.labels,
        PodAnnotations: {},
        UID: demoUid(cluster.slug, w.kind, w.namespace, w.name),
        ParentUID: "",
        PodCount: replicas,
        Containers: w.containers.map((c) => {
          const now = containerAt(cluster, w, c, phase);
          return {
            Name: now.name,
            Image: now.image,
            ImageID: "",
            CreationTime: created,
            Resource: {
              Requests: { Memory: now.requests[1], CPU: now.requests[0] },
              Limits: { Memory: now.limits[1], CPU: now.limits[0] },
              SpecAppliedConvergedCount: replicas,
            },
          };
        }),
      };
    }),
    Ingresses: [],
    Services: [],
    PersistentVolumeClaims: [],
    Images: null,
  };
}

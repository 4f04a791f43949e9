// What runs in Acme's two demo clusters, as one description every generated report reads from, so
// the inventory, Polaris, Trivy, Goldilocks and Nova agree about each workload. The state described
// is today's; `history` holds what was different in the earlier reports (see phases.ts).

import { ACME_NAMESPACES, ACME_WORKLOADS } from "./acme-workloads";
import { PHASE_DAYS_AGO, type TPhase } from "./phases";
import type { TDemoContainer, TDemoWorkload } from "./workload-types";

export type { TContainerPast, TDemoContainer, TDemoWorkload, TQuantities } from "./workload-types";

export type TDemoNode = {
  name: string;
  instanceType: string;
  zone: string;
  ip: string;
  capacity: { cpu: string; memory: string };
  allocatable: { cpu: string; memory: string };
  kubeletVersion: string;
  /** Days before today; a node younger than a phase is not in that phase's reports. */
  createdDaysAgo: number;
  /** Days before today the node was replaced; absent for a node that is still there. */
  removedDaysAgo?: number;
};

export type TDemoCluster = {
  slug: string;
  name: string;
  /** As the API server reports it (EKS adds "+"). */
  serverVersion: string;
  region: string;
  agentVersion: string;
  chartVersion: string;
  nodes: TDemoNode[];
  /** Namespace name → labels beyond kubernetes.io/metadata.name. */
  namespaces: Record<string, Record<string, string>>;
  workloads: TDemoWorkload[];
};

function awsNode(
  region: string,
  zone: string,
  ip: string,
  size: "xlarge" | "2xlarge",
  kubeletVersion: string,
  createdDaysAgo: number,
  removedDaysAgo?: number,
): TDemoNode {
  const big = size === "2xlarge";
  return {
    name: `ip-${ip.replaceAll(".", "-")}.${region === "us-east-1" ? "ec2.internal" : `${region}.compute.internal`}`,
    instanceType: `m6i.${size}`,
    zone: `${region}${zone}`,
    ip,
    capacity: big ? { cpu: "8", memory: "32386640Ki" } : { cpu: "4", memory: "16069836Ki" },
    allocatable: big ? { cpu: "7910m", memory: "31369296Ki" } : { cpu: "3920m", memory: "15052492Ki" },
    kubeletVersion,
    createdDaysAgo,
    removedDaysAgo,
  };
}

const STAGING_SKIPS = new Set(["payments-ledger", "data-analytics"]);

export const DEMO_CLUSTERS: TDemoCluster[] = [
  {
    slug: "prod-us-east",
    name: "Production US East",
    serverVersion: "1.29+",
    region: "us-east-1",
    agentVersion: "5.8.2",
    chartVersion: "4.6.1",
    nodes: [
      awsNode("us-east-1", "a", "10.0.1.17", "2xlarge", "v1.29.8-eks-a737599", 40),
      awsNode("us-east-1", "b", "10.0.2.45", "2xlarge", "v1.29.8-eks-a737599", 40),
      awsNode("us-east-1", "c", "10.0.3.121", "2xlarge", "v1.29.8-eks-a737599", 40),
      awsNode("us-east-1", "a", "10.0.1.203", "2xlarge", "v1.29.10-eks-94953ac", 9),
    ],
    namespaces: ACME_NAMESPACES,
    workloads: ACME_WORKLOADS,
  },
  {
    slug: "staging-eu",
    name: "Staging EU",
    serverVersion: "1.30+",
    region: "eu-west-1",
    agentVersion: "5.9.0",
    chartVersion: "4.7.0",
    nodes: [
      awsNode("eu-west-1", "a", "10.20.1.34", "xlarge", "v1.30.4-eks-a737599", 25),
      // Replaced three days ago: its kube-bench findings end up removed with it.
      awsNode("eu-west-1", "b", "10.20.2.87", "xlarge", "v1.30.4-eks-a737599", 25, 3),
      awsNode("eu-west-1", "b", "10.20.2.152", "xlarge", "v1.30.4-eks-a737599", 3),
    ],
    namespaces: Object.fromEntries(Object.entries(ACME_NAMESPACES).filter(([ns]) => !STAGING_SKIPS.has(ns))),
    workloads: ACME_WORKLOADS.filter((w) => !STAGING_SKIPS.has(w.namespace)),
  },
];

/** A container as it was in `phase` in `cluster`. */
export function containerAt(cluster: TDemoCluster, workload: TDemoWorkload, container: TDemoContainer, phase: TPhase) {
  const past =
    phase === "current"
      ? {}
      : phase === "middle"
        ? { ...container.history?.middle }
        : { ...container.history?.middle, ...container.history?.first };
  const stagingImage = cluster.slug === "staging-eu" ? workload.staging?.images?.[container.name] : undefined;
  return { ...container, ...(stagingImage ? { image: stagingImage } : {}), ...past };
}

export function nodesIn(cluster: TDemoCluster, phase: TPhase): TDemoNode[] {
  const daysAgo = PHASE_DAYS_AGO[phase];
  return cluster.nodes.filter((n) => n.createdDaysAgo > daysAgo && (n.removedDaysAgo ?? -1) < daysAgo);
}

export function replicasIn(cluster: TDemoCluster, workload: TDemoWorkload, phase: TPhase): number {
  if (workload.kind === "DaemonSet") return nodesIn(cluster, phase).length;
  return cluster.slug === "staging-eu" ? (workload.staging?.replicas ?? workload.replicas) : workload.replicas;
}

import { z } from "zod";
import { goSlice, goString, goStringMap } from "./go-json";
import { parseQuantity } from "@/lib/domain/quantity";
import { formatReportPath, parseReportShape } from "./report-shape";
import { ReportShapeError, type TParseResult } from "./types";

// The insights-agent `workloads` inventory (FairwindsOps/insights-plugins plugins/workloads/pkg/info.go,
// ClusterWorkloadReport): nodes with capacity, namespaces with labels, and every top-level controller
// with its containers' requests and limits. It feeds ownership (labels), cost allocation (requests
// against node capacity) and the inventory pages; it produces no findings.

/** Node capacity in base units; a resource the node does not report is 0. */
export type TNodeResources = { cpuCores: number; memoryBytes: number; gpus: number };

/** Container requests/limits; null when not set (the agent writes an unset quantity as "0"). */
export type TContainerResources = { cpuCores: number | null; memoryBytes: number | null; gpus: number | null };

export type TInventoryNode = {
  name: string;
  labels: Record<string, string>;
  capacity: TNodeResources;
  allocatable: TNodeResources;
  kubeletVersion: string;
  isControlPlane: boolean;
};

export type TInventoryNamespace = { name: string; labels: Record<string, string> };

export type TInventoryContainer = {
  name: string;
  image: string;
  requests: TContainerResources;
  limits: TContainerResources;
};

export type TInventoryWorkload = {
  namespace: string;
  /** As the agent reports it: Deployment, StatefulSet, CronJob… and custom kinds (e.g. Argo Rollout). */
  kind: string;
  name: string;
  labels: Record<string, string>;
  /** Labels of the pod template, which scope rules may also match. */
  podLabels: Record<string, string>;
  /** Running pods (0 for a CronJob between runs). */
  replicas: number;
  containers: TInventoryContainer[];
};

export type TWorkloadsInventory = {
  /** As the API server reports it, e.g. "1.29" or "1.29+" (EKS/GKE). */
  kubernetesVersion: string;
  nodes: TInventoryNode[];
  namespaces: TInventoryNamespace[];
  workloads: TInventoryWorkload[];
};

export type TWorkloadsParseResult = TParseResult & { inventory: TWorkloadsInventory };

// Vendors name GPUs differently; the agent's own list (plugins/workloads/pkg/allocated.go).
const GPU_RESOURCES = [
  "nvidia.com/gpu",
  "nvidia.com/gpu.shared",
  "amd.com/gpu",
  "intel.com/gpu",
  "habana.ai/gaudi",
  "google.com/tpu",
  "k8s.amazonaws.com/vgpu",
] as const;

// corev1.ResourceList. Values are checked where they are read, so an odd extended resource the
// parser does not use cannot reject the whole inventory.
const ZResourceList = z
  .record(z.string(), z.unknown())
  .nullish()
  .transform((v) => v ?? {});

const ZResourcesInfo = z
  .object({ CPU: z.union([z.string(), z.number()]).nullish(), Memory: z.union([z.string(), z.number()]).nullish() })
  .nullish()
  .transform((v) => v ?? {});

const ZContainer = z.object({
  Name: z.string(),
  Image: goString,
  Resource: z
    .object({ Requests: ZResourcesInfo, Limits: ZResourcesInfo, GPURequests: ZResourceList, GPULimits: ZResourceList })
    .nullish(),
});

const ZReport = z.object({
  ServerVersion: goString,
  CreationTime: goString,
  SourceName: goString,
  SourceType: goString,
  // Required (null allowed): the agent always writes them, and they tell this report from another type's.
  Nodes: z
    .array(
      z.object({
        Name: z.string(),
        Labels: goStringMap(),
        Capacity: ZResourceList,
        Allocatable: ZResourceList,
        KubeletVersion: goString,
        IsControlPlaneNode: z.boolean().nullish(),
      }),
    )
    .nullable(),
  Namespaces: goSlice(z.object({ metadata: z.object({ name: z.string(), labels: goStringMap() }) })),
  Controllers: z
    .array(
      z.object({
        Kind: z.string(),
        Name: z.string(),
        Namespace: goString,
        Labels: goStringMap(),
        PodLabels: goStringMap(),
        PodCount: z.number().nullish(),
        Containers: goSlice(ZContainer),
      }),
    )
    .nullable(),
});

/** A quantity at `path`, or null when absent; a value that is not a quantity is a shape error. */
function quantityAt(value: unknown, path: PropertyKey[]): number | null {
  if (value === undefined || value === null || value === "") return null;
  const parsed = parseQuantity(value);
  if (parsed === null) {
    throw new ReportShapeError(formatReportPath(path), "not a Kubernetes quantity (e.g. 250m, 1, 128Mi)");
  }
  return parsed;
}

/** Container values: zero means "not set", which is how the agent writes a missing request. */
function setQuantity(value: unknown, path: PropertyKey[]): number | null {
  const parsed = quantityAt(value, path);
  return parsed !== null && parsed > 0 ? parsed : null;
}

function gpusIn(list: Record<string, unknown>, path: PropertyKey[]): number {
  let total = 0;
  for (const name of GPU_RESOURCES) total += quantityAt(list[name], [...path, name]) ?? 0;
  return total;
}

function nodeResources(list: Record<string, unknown>, path: PropertyKey[]): TNodeResources {
  return {
    cpuCores: quantityAt(list.cpu, [...path, "cpu"]) ?? 0,
    memoryBytes: quantityAt(list.memory, [...path, "memory"]) ?? 0,
    gpus: gpusIn(list, path),
  };
}

/** Parses an insights-agent `workloads` report into the cluster inventory (no findings). */
export function parseWorkloads(report: unknown): TWorkloadsParseResult {
  const parsed = parseReportShape(ZReport, report);

  const nodes = (parsed.Nodes ?? []).map((node, i): TInventoryNode => ({
    name: node.Name,
    labels: node.Labels,
    capacity: nodeResources(node.Capacity, ["Nodes", i, "Capacity"]),
    allocatable: nodeResources(node.Allocatable, ["Nodes", i, "Allocatable"]),
    kubeletVersion: node.KubeletVersion,
    isControlPlane: node.IsControlPlaneNode ?? false,
  }));

  const namespaces = parsed.Namespaces.map((ns): TInventoryNamespace => ({
    name: ns.metadata.name,
    labels: ns.metadata.labels,
  }));

  const workloads = (parsed.Controllers ?? []).map((controller, i): TInventoryWorkload => {
    const base: PropertyKey[] = ["Controllers", i, "Containers"];
    return {
      namespace: controller.Namespace,
      kind: controller.Kind,
      name: controller.Name,
      labels: controller.Labels,
      podLabels: controller.PodLabels,
      replicas:
        controller.PodCount !== null && controller.PodCount !== undefined && controller.PodCount > 0
          ? controller.PodCount
          : 0,
      containers: controller.Containers.map((container, j): TInventoryContainer => {
        const path = [...base, j, "Resource"];
        const resource = container.Resource;
        const gpuRequests = resource ? gpusIn(resource.GPURequests, [...path, "GPURequests"]) : 0;
        const gpuLimits = resource ? gpusIn(resource.GPULimits, [...path, "GPULimits"]) : 0;
        return {
          name: container.Name,
          image: container.Image,
          requests: {
            cpuCores: setQuantity(resource?.Requests.CPU, [...path, "Requests", "CPU"]),
            memoryBytes: setQuantity(resource?.Requests.Memory, [...path, "Requests", "Memory"]),
            gpus: gpuRequests > 0 ? gpuRequests : null,
          },
          limits: {
            cpuCores: setQuantity(resource?.Limits.CPU, [...path, "Limits", "CPU"]),
            memoryBytes: setQuantity(resource?.Limits.Memory, [...path, "Limits", "Memory"]),
            gpus: gpuLimits > 0 ? gpuLimits : null,
          },
        };
      }),
    };
  });

  return {
    findings: [],
    inventory: { kubernetesVersion: parsed.ServerVersion, nodes, namespaces, workloads },
    meta: {
      serverVersion: parsed.ServerVersion,
      sourceName: parsed.SourceName,
      sourceType: parsed.SourceType,
      creationTime: parsed.CreationTime,
    },
  };
}

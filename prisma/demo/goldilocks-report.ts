import { parseQuantity } from "@/lib/domain/quantity";
import { containerAt, type TDemoCluster, type TQuantities } from "./inventory";
import type { TPhase } from "./phases";

// The Goldilocks summary the agent uploads, shaped like lib/ingest/parsers/fixtures/goldilocks-summary-mixed.json
// (goldilocks pkg/summary: Namespaces → workloads → containers with the VPA's bounds and target next
// to the container's requests and limits), for the namespaces labelled for Goldilocks.

const LABEL = "goldilocks.fairwinds.com/enabled";

/** Goldilocks prints rounded decimal units: whole millicores, memory in kilobytes ("629146k"). */
function resourceList(cpuCores: number, memoryBytes: number) {
  return { cpu: `${Math.max(1, Math.round(cpuCores * 1000))}m`, memory: `${Math.ceil(memoryBytes / 1000)}k` };
}

/** A container's requests or limits as a corev1.ResourceList: unset values left out, none at all → null. */
function setValues([cpu, memory]: TQuantities) {
  const list: Record<string, string> = {};
  if (cpu !== "0") list.cpu = cpu;
  if (memory !== "0") list.memory = memory;
  return Object.keys(list).length > 0 ? list : null;
}

const COSTS = {
  BasePath: "",
  ContainerCost: 0,
  GuaranteedCost: 0,
  BurstableCost: 0,
  ContainerCostInt: 0,
  GuaranteedCostInt: 0,
  BurstableCostInt: 0,
};

// Recommendations move a little between reports, as usage does.
const DRIFT: Readonly<Record<TPhase, number>> = { first: 0.94, middle: 0.97, current: 1 };

export function goldilocksReport(cluster: TDemoCluster, phase: TPhase) {
  const namespaces = Object.entries(cluster.namespaces)
    .filter(([, labels]) => labels[LABEL] === "true")
    .map(([name]) => name);
  const summary: Record<string, unknown> = {};
  for (const namespace of namespaces) {
    const workloads: Record<string, unknown> = {};
    for (const w of cluster.workloads.filter((x) => x.namespace === namespace)) {
      const containers: Record<string, unknown> = {};
      // A CronJob's VPA has no recommendation until it has run long enough: no containers.
      if (w.kind !== "CronJob") {
        for (const c of w.containers) {
          const state = containerAt(cluster, w, c, phase);
          // Without a target of its own, a container uses a bit less than it requests (within the threshold).
          const [cpu, memory] = c.vpaTarget ?? state.requests;
          const factor = (c.vpaTarget ? 1 : 0.92) * DRIFT[phase];
          const target = {
            cpu: (parseQuantity(cpu) || 0.05) * factor,
            memory: (parseQuantity(memory) || 64 * 2 ** 20) * factor,
          };
          containers[c.name] = {
            containerName: c.name,
            lowerBound: resourceList(target.cpu * 0.6, target.memory * 0.7),
            upperBound: resourceList(target.cpu * 2.5, target.memory * 2),
            target: resourceList(target.cpu, target.memory),
            uncappedTarget: resourceList(target.cpu, target.memory),
            limits: setValues(state.limits),
            requests: setValues(state.requests),
            ...COSTS,
          };
        }
      }
      workloads[w.name] = { controllerName: w.name, controllerType: w.kind, BasePath: "", containers };
    }
    summary[namespace] = { namespace, workloads, BasePath: "", IsOnlyNamespace: false };
  }
  return { Namespaces: summary };
}

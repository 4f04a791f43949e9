import { describe, expect, it } from "vitest";
import { parserFixture } from "@/lib/testing/fixtures";
import { shapeErrorOf } from "./parser-testing";
import { parseWorkloads } from "./workloads";

// Built from insights-plugins' ClusterWorkloadReport: see fixtures/workloads-report.SOURCE.md.
type TReport = {
  Nodes: { Capacity: Record<string, unknown> }[];
  Controllers: { Containers: { Resource: unknown }[]; PodCount?: unknown; Extra?: unknown }[];
};
const report = () => parserFixture<TReport>("workloads-report.json");

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

const shapeError = (input: unknown) => shapeErrorOf(parseWorkloads, input);

describe("parseWorkloads: the fixture inventory", () => {
  const result = parseWorkloads(report());
  const { inventory } = result;
  const workload = (namespace: string, name: string) => {
    const found = inventory.workloads.find((w) => w.namespace === namespace && w.name === name);
    if (!found) throw new Error(`no workload ${namespace}/${name}`);
    return found;
  };

  it("keeps the cluster version and produces no findings", () => {
    expect(result.findings).toEqual([]);
    expect(inventory.kubernetesVersion).toBe("1.29+");
    expect(result.meta).toEqual({
      serverVersion: "1.29+",
      sourceName: "prod-us-east",
      sourceType: "Cluster",
      creationTime: "2026-11-20T08:15:02.431907581Z",
    });
  });

  it("reads node capacity and allocatable in cores, bytes and GPUs", () => {
    expect(inventory.nodes.map((n) => n.name)).toEqual([
      "ip-10-0-1-17.ec2.internal",
      "ip-10-0-2-45.ec2.internal",
      "ip-10-0-3-112.ec2.internal",
    ]);
    const [first, , gpu] = inventory.nodes;
    expect(first.capacity).toEqual({ cpuCores: 4, memoryBytes: 16_069_836 * 1024, gpus: 0 });
    expect(first.allocatable).toEqual({ cpuCores: 3.92, memoryBytes: 15_052_492 * 1024, gpus: 0 });
    expect(first.labels["node.kubernetes.io/instance-type"]).toBe("m6i.xlarge");
    expect(first.kubeletVersion).toBe("v1.29.8-eks-a737599");
    expect(first.isControlPlane).toBe(false);
    expect(gpu.capacity.gpus).toBe(1);
    expect(gpu.allocatable.gpus).toBe(1);
  });

  it("reads namespaces with their labels", () => {
    expect(inventory.namespaces.map((n) => n.name)).toEqual([
      "default",
      "kube-system",
      "payments",
      "checkout",
      "ml",
      "insights-agent",
    ]);
    expect(inventory.namespaces[2].labels).toEqual({
      "kubernetes.io/metadata.name": "payments",
      team: "payments",
      env: "prod",
    });
  });

  it("reads every controller, custom kinds included, with labels and running pods", () => {
    expect(inventory.workloads).toHaveLength(11);
    expect(new Set(inventory.workloads.map((w) => w.namespace))).toEqual(
      new Set(["kube-system", "payments", "checkout", "ml", "insights-agent", "default"]),
    );
    const rollout = workload("checkout", "checkout-api");
    expect(rollout.kind).toBe("Rollout");
    expect(rollout.replicas).toBe(4);
    const api = workload("payments", "payments-api");
    expect(api).toMatchObject({ kind: "Deployment", replicas: 3 });
    expect(api.labels).toEqual({
      "app.kubernetes.io/name": "payments-api",
      "app.kubernetes.io/part-of": "payments",
      "app.kubernetes.io/version": "2.14.0",
      team: "payments",
    });
    expect(workload("default", "debug-shell")).toMatchObject({ kind: "Pod", replicas: 1, podLabels: {} });
    expect(workload("checkout", "nightly-report").replicas).toBe(0);
  });

  it("reads container requests and limits; an unset value is null", () => {
    expect(workload("payments", "payments-api").containers).toEqual([
      {
        name: "api",
        image: "ghcr.io/acme/payments-api:2.14.0",
        requests: { cpuCores: 0.5, memoryBytes: 512 * MiB, gpus: null },
        limits: { cpuCores: 1, memoryBytes: GiB, gpus: null },
      },
      {
        name: "envoy",
        image: "envoyproxy/envoy:v1.31.2",
        requests: { cpuCores: 0.05, memoryBytes: 64 * MiB, gpus: null },
        limits: { cpuCores: null, memoryBytes: null, gpus: null },
      },
    ]);
    // kube-proxy requests CPU only: the agent writes the missing memory request as "0".
    expect(workload("kube-system", "kube-proxy").containers[0].requests).toEqual({
      cpuCores: 0.1,
      memoryBytes: null,
      gpus: null,
    });
    expect(workload("kube-system", "aws-node").containers.map((c) => c.name)).toEqual([
      "aws-node",
      "aws-eks-nodeagent",
    ]);
    expect(workload("ml", "model-server").containers[0].requests).toEqual({
      cpuCores: 2,
      memoryBytes: 8 * GiB,
      gpus: 1,
    });
    expect(workload("checkout", "nightly-report").containers[0].requests).toEqual({
      cpuCores: null,
      memoryBytes: null,
      gpus: null,
    });
  });

  it("adds up to the cluster's requested CPU and memory", () => {
    let cpu = 0;
    let memory = 0;
    for (const w of inventory.workloads) {
      for (const c of w.containers) {
        cpu += (c.requests.cpuCores ?? 0) * w.replicas;
        memory += (c.requests.memoryBytes ?? 0) * w.replicas;
      }
    }
    expect(cpu).toBeCloseTo(9.8, 9);
    expect(memory).toBe(17_527_996_416);
  });
});

describe("parseWorkloads: edge cases", () => {
  it("reads an empty cluster, Go's null slices included", () => {
    const result = parseWorkloads({ ServerVersion: "1.30", Nodes: null, Namespaces: null, Controllers: null });
    expect(result.inventory).toEqual({ kubernetesVersion: "1.30", nodes: [], namespaces: [], workloads: [] });
  });

  it("treats missing resources, labels and pod counts as unset and ignores unknown fields", () => {
    const result = parseWorkloads({
      Nodes: [{ Name: "n1", Capacity: null, SomethingNew: true }],
      Controllers: [
        {
          Kind: "ScaledJob",
          Name: "queue-worker",
          Namespace: "jobs",
          Labels: null,
          Containers: [
            { Name: "worker", Image: "worker:1" },
            { Name: "bare", Resource: { Requests: null } },
          ],
        },
        { Kind: "Deployment", Name: "empty", Namespace: "x", PodCount: 2, Containers: null },
      ],
    });
    expect(result.inventory.nodes).toEqual([
      {
        name: "n1",
        labels: {},
        capacity: { cpuCores: 0, memoryBytes: 0, gpus: 0 },
        allocatable: { cpuCores: 0, memoryBytes: 0, gpus: 0 },
        kubeletVersion: "",
        isControlPlane: false,
      },
    ]);
    const unset = { cpuCores: null, memoryBytes: null, gpus: null };
    expect(result.inventory.workloads).toEqual([
      {
        namespace: "jobs",
        kind: "ScaledJob",
        name: "queue-worker",
        labels: {},
        podLabels: {},
        replicas: 0,
        containers: [
          { name: "worker", image: "worker:1", requests: unset, limits: unset },
          { name: "bare", image: "", requests: unset, limits: unset },
        ],
      },
      { namespace: "x", kind: "Deployment", name: "empty", labels: {}, podLabels: {}, replicas: 2, containers: [] },
    ]);
  });

  it("throws ReportShapeError naming the path for wrong shapes", () => {
    expect(shapeError(null).path).toBe("(root)");
    // Another report type sent as workloads: it has neither Nodes nor Controllers.
    expect(shapeError({ Images: [] }).path).toBe("Nodes");
    expect(shapeError({ Nodes: [], Controllers: {} }).path).toBe("Controllers");
    expect(shapeError({ Nodes: [], Controllers: [{ Kind: "Deployment" }] }).path).toBe("Controllers[0].Name");

    const badNode = report();
    badNode.Nodes[1].Capacity.memory = "lots";
    expect(shapeError(badNode).path).toBe("Nodes[1].Capacity.memory");

    const badContainer = report();
    badContainer.Controllers[3].Containers[1].Resource = { Requests: { CPU: "fast" } };
    expect(shapeError(badContainer).path).toBe("Controllers[3].Containers[1].Resource.Requests.CPU");

    const badGpu = report();
    badGpu.Nodes[2].Capacity["nvidia.com/gpu"] = "one";
    expect(shapeError(badGpu).path).toBe('Nodes[2].Capacity["nvidia.com/gpu"]');
  });
});

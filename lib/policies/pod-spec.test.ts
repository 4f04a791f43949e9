import { describe, expect, it } from "vitest";
import { extractPodTemplate } from "./pod-spec";
import { goodContainer, goodPodSpec } from "./test-manifests";

const podSpec = goodPodSpec({ initContainers: [goodContainer({ name: "migrate" })] });
const template = { metadata: { labels: { app: "x" } }, spec: podSpec };

describe("extractPodTemplate", () => {
  it.each([
    ["Pod", { spec: podSpec }, "spec"],
    ["Deployment", { spec: { template } }, "spec.template.spec"],
    ["StatefulSet", { spec: { template } }, "spec.template.spec"],
    ["DaemonSet", { spec: { template } }, "spec.template.spec"],
    ["ReplicaSet", { spec: { template } }, "spec.template.spec"],
    ["Job", { spec: { template } }, "spec.template.spec"],
    [
      "CronJob",
      { spec: { schedule: "* * * * *", jobTemplate: { spec: { template } } } },
      "spec.jobTemplate.spec.template.spec",
    ],
  ])("finds the Pod template of a %s at %s", (kind, body, path) => {
    const result = extractPodTemplate({ apiVersion: "v1", kind, metadata: { name: "x" }, ...body });
    expect(result?.path).toBe(path);
    expect(result?.spec).toBe(podSpec);
    expect(result?.containers.map((c) => [c.kind, c.name, c.path])).toEqual([
      ["initContainer", "migrate", `${path}.initContainers[0]`],
      ["container", "web", `${path}.containers[0]`],
    ]);
  });

  it("returns null for kinds without a Pod template", () => {
    expect(extractPodTemplate({ kind: "Service", spec: { ports: [] } })).toBeNull();
    expect(extractPodTemplate({ kind: "ConfigMap", data: {} })).toBeNull();
  });

  it("returns null for a malformed workload instead of throwing", () => {
    expect(extractPodTemplate({ kind: "Deployment" })).toBeNull();
    expect(extractPodTemplate({ kind: "Deployment", spec: { template: "oops" } })).toBeNull();
    expect(extractPodTemplate({ kind: "CronJob", spec: { jobTemplate: null } })).toBeNull();
  });

  it("skips container entries that are not objects and names unnamed containers by position", () => {
    const result = extractPodTemplate({ kind: "Pod", spec: { containers: ["bad", { image: "nginx:1" }] } });
    expect(result?.containers).toEqual([
      { name: "containers[1]", kind: "container", path: "spec.containers[1]", spec: { image: "nginx:1" } },
    ]);
  });
});

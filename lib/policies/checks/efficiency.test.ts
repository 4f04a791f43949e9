import { describe, expect, it } from "vitest";
import { deploymentWithContainer, goodContainer, goodDeployment, goodPodSpec } from "../test-manifests";
import { failuresOf } from "./run-check";

describe("efficiency checks", () => {
  it.each([
    ["cpuRequestsMissing", "requests", "cpu", "request"],
    ["cpuLimitsMissing", "limits", "cpu", "limit"],
    ["memoryRequestsMissing", "requests", "memory", "request"],
    ["memoryLimitsMissing", "limits", "memory", "limit"],
  ])("%s fails when resources.%s.%s is missing", (checkId, section, resource, word) => {
    expect(failuresOf(goodDeployment(), checkId)).toEqual([]);
    const full = { requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "1", memory: "512Mi" } };
    const without = { ...full, [section]: { ...full[section as "requests" | "limits"], [resource]: undefined } };
    expect(failuresOf(deploymentWithContainer({ resources: without }), checkId)).toEqual([
      {
        container: "web",
        path: `spec.template.spec.containers[0].resources.${section}.${resource}`,
        message: `Container "web" has no ${resource} ${word}.`,
      },
    ]);
    expect(failuresOf(deploymentWithContainer({ resources: undefined }), checkId)).toHaveLength(1);
  });

  it("includes init containers", () => {
    const bad = goodDeployment({
      podSpec: goodPodSpec({ initContainers: [goodContainer({ name: "migrate", resources: {} })] }),
    });
    expect(failuresOf(bad, "memoryLimitsMissing")?.map((f) => f.container)).toEqual(["migrate"]);
  });
});

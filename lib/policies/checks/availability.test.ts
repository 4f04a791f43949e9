import { describe, expect, it } from "vitest";
import type { TKubeObject } from "../types";
import { failuresOf } from "./run-check";

function pdb(spec: Record<string, unknown>): TKubeObject {
  return {
    apiVersion: "policy/v1",
    kind: "PodDisruptionBudget",
    metadata: { name: "shop" },
    spec: { selector: { matchLabels: { app: "shop" } }, ...spec },
  };
}

function hpa(spec: Record<string, unknown>): TKubeObject {
  return {
    apiVersion: "autoscaling/v2",
    kind: "HorizontalPodAutoscaler",
    metadata: { name: "shop" },
    spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "shop" }, ...spec },
  };
}

describe("pdbDisruptionsIsZero", () => {
  it.each([
    [{ minAvailable: "100%" }, "spec.minAvailable", "minAvailable is 100%, so no pod can ever be evicted."],
    [{ maxUnavailable: 0 }, "spec.maxUnavailable", "maxUnavailable is 0, so no pod can ever be evicted."],
    [{ maxUnavailable: "0%" }, "spec.maxUnavailable", "maxUnavailable is 0%, so no pod can ever be evicted."],
  ])("fails %o", (spec, path, message) => {
    expect(failuresOf(pdb(spec), "pdbDisruptionsIsZero")).toEqual([{ path, message }]);
  });

  it.each([{ minAvailable: 1 }, { minAvailable: "50%" }, { maxUnavailable: 1 }, { maxUnavailable: "25%" }])(
    "passes %o",
    (spec) => {
      expect(failuresOf(pdb(spec), "pdbDisruptionsIsZero")).toEqual([]);
    },
  );
});

describe("hpaMinAvailability", () => {
  it("fails below two replicas, including Kubernetes' default of one", () => {
    expect(failuresOf(hpa({ minReplicas: 2, maxReplicas: 5 }), "hpaMinAvailability")).toEqual([]);
    expect(failuresOf(hpa({ minReplicas: 1, maxReplicas: 5 }), "hpaMinAvailability")).toEqual([
      { path: "spec.minReplicas", message: "The autoscaler may scale down to 1 replica(s)." },
    ]);
    expect(failuresOf(hpa({ maxReplicas: 5 }), "hpaMinAvailability")).toHaveLength(1);
  });
});

describe("hpaMaxAvailability", () => {
  it("fails when maxReplicas leaves no room above minReplicas (1 by default)", () => {
    expect(failuresOf(hpa({ minReplicas: 2, maxReplicas: 5 }), "hpaMaxAvailability")).toEqual([]);
    expect(failuresOf(hpa({ maxReplicas: 2 }), "hpaMaxAvailability")).toEqual([]);
    expect(failuresOf(hpa({ minReplicas: 3, maxReplicas: 3 }), "hpaMaxAvailability")).toEqual([
      { path: "spec.maxReplicas", message: "maxReplicas (3) is not above minReplicas (3)." },
    ]);
    expect(failuresOf(hpa({ maxReplicas: 1 }), "hpaMaxAvailability")).toHaveLength(1);
    expect(failuresOf(hpa({}), "hpaMaxAvailability")?.[0]?.message).toBe("The autoscaler does not set maxReplicas.");
  });
});

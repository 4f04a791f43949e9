import { describe, expect, it } from "vitest";
import { evaluateObject } from "../evaluate";
import { goodDeployment } from "../test-manifests";
import type { TKubeObject } from "../types";
import { checkById } from "./index";

const hpa = (apiVersion: string): TKubeObject => ({
  apiVersion,
  kind: "HorizontalPodAutoscaler",
  metadata: { name: "shop" },
  spec: { minReplicas: 2, maxReplicas: 5 },
});

function failedIds(object: TKubeObject, minor: number | null): string[] {
  const targetVersion = minor === null ? null : { major: 1, minor };
  return evaluateObject(object, { targetVersion })
    .results.filter((r) => r.failures.length > 0)
    .map((r) => r.checkId);
}

describe("deprecation checks", () => {
  it("flag an apiVersion removed in the target version, on any kind", () => {
    expect(failedIds(hpa("autoscaling/v2beta2"), 26)).toEqual(["apiVersionRemoved"]);
    const [result] = evaluateObject(hpa("autoscaling/v2beta2"), {
      checks: [checkById("apiVersionRemoved")!],
      targetVersion: { major: 1, minor: 27 },
    }).results;
    expect(result?.failures).toEqual([{ path: "apiVersion", message: expect.stringContaining("autoscaling/v2") }]);
    expect(result?.severity).toBe("high");
  });

  it("flag a deprecated apiVersion that is still served, with a low severity", () => {
    expect(failedIds(hpa("autoscaling/v2beta2"), 25)).toEqual(["apiVersionDeprecated"]);
    expect(checkById("apiVersionDeprecated")?.defaultSeverity).toBe("low");
  });

  it("pass current apiVersions and apiVersions not yet deprecated in the target", () => {
    expect(failedIds(hpa("autoscaling/v2"), 32)).toEqual([]);
    expect(failedIds(hpa("autoscaling/v2beta2"), 20)).toEqual([]);
    expect(failedIds(goodDeployment(), 32)).toEqual([]);
  });

  it("are workload-independent: a removed Deployment apiVersion fails alongside the Pod checks", () => {
    const old = { ...goodDeployment(), apiVersion: "extensions/v1beta1" };
    expect(failedIds(old, 30)).toEqual(["apiVersionRemoved"]);
  });

  it("are not run, rather than reported as passing, without a target version", () => {
    const { results } = evaluateObject(hpa("autoscaling/v2beta2"));
    expect(results.filter((r) => r.category === "deprecation")).toEqual([]);
    // The HPA's own checks still run: only the deprecation checks need a target version.
    expect(results.map((r) => r.checkId)).toEqual(["hpaMinAvailability", "hpaMaxAvailability"]);
  });
});

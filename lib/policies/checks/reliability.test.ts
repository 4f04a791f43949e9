import { describe, expect, it } from "vitest";
import type { TKubeObject } from "../types";
import { deploymentWithContainer, goodContainer, goodDeployment, goodPodSpec } from "../test-manifests";
import { parseImage } from "./image";
import { failuresOf } from "./run-check";

const CONTAINER_PATH = "spec.template.spec.containers[0]";

function job(podSpec: Record<string, unknown>): TKubeObject {
  return { apiVersion: "batch/v1", kind: "Job", metadata: { name: "j" }, spec: { template: { spec: podSpec } } };
}

describe("reliability checks", () => {
  it.each([
    ["livenessProbeMissing", "livenessProbe"],
    ["readinessProbeMissing", "readinessProbe"],
  ])("%s fails on an app container without %s, not on init containers or Jobs", (checkId, field) => {
    expect(failuresOf(goodDeployment(), checkId)).toEqual([]);
    const initWithoutProbe = goodDeployment({
      podSpec: goodPodSpec({ initContainers: [{ name: "migrate", image: "ghcr.io/acme/migrate:1" }] }),
    });
    expect(failuresOf(initWithoutProbe, checkId)).toEqual([]);
    const bad = deploymentWithContainer({ [field]: undefined });
    expect(failuresOf(bad, checkId)).toEqual([
      { container: "web", path: `${CONTAINER_PATH}.${field}`, message: expect.any(String) },
    ]);
    expect(failuresOf(job(goodPodSpec({ containers: [{ name: "run", image: "x:1" }] })), checkId)).toBeNull();
  });

  it.each([
    ["ghcr.io/acme/shop:1.4.2", false],
    ["nginx@sha256:0123abcd", false],
    ["nginx:latest@sha256:0123abcd", false],
    ["registry.local:5000/team/app:2", false],
    ["nginx", true],
    ["nginx:latest", true],
    ["registry.local:5000/team/app", true],
  ])("tagNotSpecified on image %s fails: %s", (image, fails) => {
    expect(failuresOf(deploymentWithContainer({ image }), "tagNotSpecified")).toHaveLength(fails ? 1 : 0);
  });

  it("parseImage does not take a registry port for a tag", () => {
    expect(parseImage("registry.local:5000/app")).toEqual({ tag: null, digest: null });
    expect(parseImage("app:1@sha256:ab")).toEqual({ tag: "1", digest: "sha256:ab" });
  });

  it("pullPolicyNotAlways follows Kubernetes' default pull policy and ignores digests", () => {
    expect(failuresOf(goodDeployment(), "pullPolicyNotAlways")).toEqual([]);
    // Without a policy, a versioned tag defaults to IfNotPresent…
    const defaulted = deploymentWithContainer({ imagePullPolicy: undefined });
    expect(failuresOf(defaulted, "pullPolicyNotAlways")).toEqual([
      {
        container: "web",
        path: `${CONTAINER_PATH}.imagePullPolicy`,
        message: 'Container "web" pulls "ghcr.io/acme/shop:1.4.2" with policy IfNotPresent.',
      },
    ]);
    // …while latest defaults to Always.
    expect(
      failuresOf(deploymentWithContainer({ image: "nginx:latest", imagePullPolicy: undefined }), "pullPolicyNotAlways"),
    ).toEqual([]);
    const explicit = deploymentWithContainer({ imagePullPolicy: "Never" });
    expect(failuresOf(explicit, "pullPolicyNotAlways")).toHaveLength(1);
    const pinned = deploymentWithContainer({ image: "nginx@sha256:0123", imagePullPolicy: "IfNotPresent" });
    expect(failuresOf(pinned, "pullPolicyNotAlways")).toEqual([]);
  });

  it("deploymentMissingReplicas fails with fewer than two replicas, on Deployments only", () => {
    expect(failuresOf(goodDeployment(), "deploymentMissingReplicas")).toEqual([]);
    expect(failuresOf(goodDeployment({ spec: { replicas: 1 } }), "deploymentMissingReplicas")).toEqual([
      { path: "spec.replicas", message: "The Deployment runs 1 replica(s)." },
    ]);
    expect(
      failuresOf(goodDeployment({ spec: { replicas: undefined } }), "deploymentMissingReplicas")?.[0]?.message,
    ).toBe("The Deployment does not set replicas, so it runs a single pod.");
    const statefulSet = { ...goodDeployment({ spec: { replicas: 1 } }), kind: "StatefulSet" };
    expect(failuresOf(statefulSet, "deploymentMissingReplicas")).toBeNull();
  });

  it("checks every container of the Pod, naming each", () => {
    const two = goodDeployment({
      podSpec: { containers: [goodContainer({ image: "a" }), goodContainer({ name: "sidecar", image: "b:latest" })] },
    });
    expect(failuresOf(two, "tagNotSpecified")?.map((f) => f.container)).toEqual(["web", "sidecar"]);
  });

  it("pdbLabelsMissing fails when the Pod template has no app label, on Deployments and StatefulSets", () => {
    expect(failuresOf(goodDeployment(), "pdbLabelsMissing")).toEqual([]);
    const unlabeled = goodDeployment();
    const spec = unlabeled.spec as { template: { metadata: Record<string, unknown> } };
    spec.template.metadata.labels = { tier: "web" };
    expect(failuresOf(unlabeled, "pdbLabelsMissing")).toEqual([
      {
        path: "spec.template.metadata.labels",
        message: "The Pod template has no app.kubernetes.io/name or app label for a PodDisruptionBudget to select.",
      },
    ]);
    expect(failuresOf({ ...unlabeled, kind: "StatefulSet" }, "pdbLabelsMissing")).toHaveLength(1);
    spec.template.metadata.labels = { "app.kubernetes.io/name": "shop" };
    expect(failuresOf(unlabeled, "pdbLabelsMissing")).toEqual([]);
    expect(failuresOf({ ...unlabeled, kind: "DaemonSet" }, "pdbLabelsMissing")).toBeNull();
  });

  it("priorityClassNotSet fails without a priorityClassName, on every workload kind", () => {
    expect(failuresOf(goodDeployment(), "priorityClassNotSet")).toEqual([]);
    expect(failuresOf(goodDeployment({ podSpec: { priorityClassName: "" } }), "priorityClassNotSet")).toEqual([
      { path: "spec.template.spec.priorityClassName", message: "The pod does not set priorityClassName." },
    ]);
    const jobWithout = job(goodPodSpec({ priorityClassName: undefined }));
    expect(failuresOf(jobWithout, "priorityClassNotSet")?.[0]?.path).toBe("spec.template.spec.priorityClassName");
  });

  it("topologySpreadConstraint fails without a constraint, but not on Jobs or DaemonSets", () => {
    expect(failuresOf(goodDeployment(), "topologySpreadConstraint")).toEqual([]);
    const none = goodDeployment({ podSpec: { topologySpreadConstraints: [] } });
    expect(failuresOf(none, "topologySpreadConstraint")).toEqual([
      {
        path: "spec.template.spec.topologySpreadConstraints",
        message: "The pod spec has no topology spread constraint.",
      },
    ]);
    expect(failuresOf({ ...none, kind: "StatefulSet" }, "topologySpreadConstraint")).toHaveLength(1);
    expect(failuresOf({ ...none, kind: "DaemonSet" }, "topologySpreadConstraint")).toBeNull();
    expect(
      failuresOf(job(goodPodSpec({ topologySpreadConstraints: undefined })), "topologySpreadConstraint"),
    ).toBeNull();
  });
});

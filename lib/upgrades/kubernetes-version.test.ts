import { describe, expect, it } from "vitest";
import { deprecationStatus, displayVersion, isMajorBehind, parseMinorVersion } from "./kubernetes-version";

const ingress = { deprecatedIn: "v1.19.0", removedIn: "v1.22.0", component: "k8s", removed: false };

describe("Kubernetes versions", () => {
  it("reads the versions agents write", () => {
    expect(parseMinorVersion("1.29+")).toEqual({ major: 1, minor: 29 });
    expect(parseMinorVersion("v1.25.0")).toEqual({ major: 1, minor: 25 });
    expect(parseMinorVersion("v1.29.3-eks-adc7111")).toEqual({ major: 1, minor: 29 });
    expect(parseMinorVersion("")).toBeNull();
    expect(parseMinorVersion(null)).toBeNull();
    expect(displayVersion("v1.25.0")).toBe("1.25");
    expect(displayVersion("v1.25.3")).toBe("1.25.3");
  });

  it("tells a removal that blocks the next upgrade from one the cluster is already past", () => {
    expect(deprecationStatus(ingress, "1.21")).toEqual({
      kind: "blocks",
      label: "Removed in 1.22 — blocks upgrade to 1.22",
      detail: "Deprecated since 1.19",
    });
    expect(deprecationStatus(ingress, "1.22+")).toMatchObject({
      kind: "removed",
      label: "Already removed in this cluster's version",
      detail: "Removed in 1.22; the cluster runs 1.22",
    });
    expect(deprecationStatus(ingress, "v1.29.3-eks-1")).toMatchObject({ kind: "removed" });
  });

  it("falls back to Pluto's conclusion without a cluster version, and says when nothing is removed yet", () => {
    expect(deprecationStatus({ ...ingress, removed: true }, null)).toMatchObject({
      kind: "removed",
      label: "Removed in 1.22",
    });
    expect(deprecationStatus(ingress, null)).toMatchObject({ kind: "blocks" });
    expect(deprecationStatus({ ...ingress, removedIn: "" }, "1.20")).toEqual({
      kind: "deprecated",
      label: "Deprecated in 1.19",
      detail: "No removal announced yet",
    });
  });

  it("does not compare another component's versions with Kubernetes'", () => {
    const istio = { deprecatedIn: "v1.6.0", removedIn: "v1.8.0", component: "istio", removed: false };
    expect(deprecationStatus(istio, "1.29")).toEqual({
      kind: "deprecated",
      label: "Deprecated in istio 1.6",
      detail: "Removed in istio 1.8",
    });
    expect(deprecationStatus({ ...istio, removed: true }, "1.29")).toMatchObject({
      kind: "removed",
      label: "Removed in istio 1.8",
    });
  });

  it("flags a major version behind", () => {
    expect(isMajorBehind("3.3.1", "4.0.1")).toBe(true);
    expect(isMajorBehind("v1.9.1", "1.12.0")).toBe(false);
    expect(isMajorBehind("latest", "1.0")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { shortDigest, splitImageName } from "./image-ref";

describe("image names", () => {
  it("splits repository and tag, ignoring a digest and a registry port", () => {
    expect(splitImageName("quay.io/jetstack/cert-manager-controller:v1.11.0")).toEqual({
      repository: "quay.io/jetstack/cert-manager-controller",
      tag: "v1.11.0",
    });
    expect(splitImageName("nginx:1.25@sha256:abc")).toEqual({ repository: "nginx", tag: "1.25" });
    expect(splitImageName("localhost:5000/app")).toEqual({ repository: "localhost:5000/app", tag: "" });
    expect(splitImageName("localhost:5000/app:2")).toEqual({ repository: "localhost:5000/app", tag: "2" });
  });

  it("shortens a digest to 12 characters", () => {
    expect(shortDigest("sha256:d429b6d696e0ef47cff1d15241c6ffaac351e38ac22664b82fafa771d615b89a")).toBe("d429b6d696e0");
    expect(shortDigest("")).toBe("");
  });
});

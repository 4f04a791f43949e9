import { describe, expect, it } from "vitest";
import { sharedFixture } from "@/lib/testing/fixtures";
import { shapeErrorOf } from "./parser-testing";
import { compareVersions, parseNova } from "./nova";

const fixture = (name: string) => sharedFixture(`nova/${name}`);

function release(overrides: Record<string, unknown> = {}) {
  return {
    release: "ingress",
    chartName: "ingress-nginx",
    namespace: "ingress",
    Installed: { version: "4.0.0", appVersion: "1.0.0" },
    Latest: { version: "4.0.0", appVersion: "1.0.0" },
    outdated: false,
    deprecated: false,
    ...overrides,
  };
}

const shapeErrorPath = (report: unknown) => shapeErrorOf(parseNova, report).path;

describe("parseNova on the documented outputs", () => {
  it("reports the outdated goldilocks release of the helm-only output", () => {
    const { findings, meta } = parseNova(fixture("usage-output-example-helm-only.json"));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      checkId: "helm-chart-outdated",
      title: "Helm chart goldilocks 3.3.1 is outdated (latest 4.0.1)",
      category: "upgrade",
      severity: 0.25,
      resource: { namespace: "goldilocks", kind: "HelmRelease", name: "goldilocks", container: "" },
      evidence: {
        installed: { version: "3.3.1", appVersion: "v3.1.4" },
        latest: { version: "4.0.1", appVersion: "v4.0.0" },
        outdated: true,
        deprecated: false,
      },
    });
    expect(findings[0].remediation).toContain("--version 4.0.1 --namespace goldilocks");
    expect(meta).toMatchObject({ helmReleases: 1, containerImages: 0, erroredImages: [] });
  });

  it("skips the up-to-date cert-manager release (v1.9.1 = 1.9.1) and reports the outdated image per workload", () => {
    const { findings, meta } = parseNova(fixture("usage-output-example.json"));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      checkId: "container-image-outdated",
      title: "Container image k8s.gcr.io/kube-scheduler v1.22.9 is outdated (latest v1.25.0)",
      category: "upgrade",
      severity: 0.25,
      resource: {
        namespace: "kube-system",
        kind: "Pod",
        name: "kube-scheduler-kind-control-plane",
        container: "kube-scheduler",
      },
      evidence: { currentVersion: "v1.22.9", latestVersion: "v1.25.0", latestPatchVersion: "v1.22.13" },
    });
    expect(findings[0].remediation).toContain("v1.22.13 (newest patch release");
    // The newest minor equals the newest release: it is offered once.
    expect(findings[0].remediation).not.toContain("newest minor release");
    expect(meta).toEqual({ helmReleases: 1, containerImages: 1, erroredImages: [], latestTagFound: false });
  });
});

describe("parseNova edge cases", () => {
  it("rates a deprecated chart medium even when it is current", () => {
    const { findings } = parseNova({ helm: [release({ deprecated: true, home: "https://example.test/chart" })] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ checkId: "helm-chart-deprecated", severity: 0.5 });
    expect(findings[0].remediation).toContain("https://example.test/chart");
  });

  it("treats an installed version below the latest as outdated even without the flag", () => {
    const { findings } = parseNova({ helm: [release({ Latest: { version: "4.1.0", appVersion: "1.1.0" } })] });
    expect(findings.map((f) => f.checkId)).toEqual(["helm-chart-outdated"]);
  });

  it("makes no finding when the latest version is unknown", () => {
    expect(parseNova({ helm: [release({ Latest: { version: "", appVersion: "" } })] }).findings).toEqual([]);
  });

  it("reads a containers-only run, a bare release array and null collections", () => {
    const containersOnly = parseNova({
      container_images: [{ name: "nginx", current_version: "1.25.0", latest_version: "1.27.0", outdated: true }],
      err_images: [{ Image: "private/app:dev", Err: "unauthorized" }],
      latest_string_found: true,
    });
    expect(containersOnly.findings[0].resource).toEqual({
      namespace: "",
      kind: "ContainerImage",
      name: "nginx",
      container: "",
    });
    expect(containersOnly.meta).toMatchObject({
      erroredImages: [{ image: "private/app:dev", error: "unauthorized" }],
      latestTagFound: true,
    });
    expect(parseNova([release({ outdated: true, Latest: { version: "5.0.0" } })]).findings).toHaveLength(1);
    expect(parseNova({ helm: null, container: { container_images: null, err_images: null } }).findings).toEqual([]);
    expect(parseNova({ helm: [], include_all: false, somethingNew: 1 }).findings).toEqual([]);
  });

  it("names the path of a wrong shape", () => {
    expect(shapeErrorPath({})).toBe("(root)");
    expect(shapeErrorPath("x")).toBe("(root)");
    expect(shapeErrorPath({ helm: [{ chartName: "x" }] })).toBe("helm[0].release");
    expect(shapeErrorPath([{ release: 3 }])).toBe("[0].release");
    expect(shapeErrorPath({ container: { container_images: [{ name: "x", affectedWorkloads: [{}] }] } })).toBe(
      "container.container_images[0].affectedWorkloads[0].name",
    );
  });
});

describe("compareVersions", () => {
  it("orders versions like semver, ignoring a leading v", () => {
    expect(compareVersions("v1.9.1", "1.9.1")).toBe(0);
    expect(compareVersions("3.3.1", "4.0.1")).toBe(-1);
    expect(compareVersions("1.10.0", "1.9.9")).toBe(1);
    expect(compareVersions("2.0.0-rc.1", "2.0.0")).toBe(-1);
    expect(compareVersions("2.0.0-rc.2", "2.0.0-rc.10")).toBe(-1);
    expect(compareVersions("1.2", "1.2.0")).toBe(0);
    expect(compareVersions("", "1.0.0")).toBeNull();
  });
});

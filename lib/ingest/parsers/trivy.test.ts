import { describe, expect, it } from "vitest";
import { sharedFixture } from "@/lib/testing/fixtures";
import { shapeErrorOf } from "./parser-testing";
import { minimizeTrivyReport, parseTrivy, trivySeverityName, trivySeverityScore } from "./trivy";
import type { TParsedImage } from "./types";

const v027 = () => sharedFixture("trivy-insights/v0.27-latest.json");
const v026 = () => sharedFixture("trivy-insights/v0.26-latest.json");
const alpine = () => sharedFixture("trivy/alpine-39.json");

const shapeError = (input: unknown) => shapeErrorOf(parseTrivy, input);

const byName = (images: TParsedImage[], name: string) => {
  const image = images.find((i) => i.name === name);
  if (!image) throw new Error(`no image ${name}`);
  return image;
};

describe("parseTrivy: Fairwinds minimized report v0.27 (Owners[])", () => {
  it("returns the 3 cert-manager images with their owners and digests, and no findings", () => {
    const result = parseTrivy(v027());
    expect(result.findings).toEqual([]);
    expect(result.images?.map((i) => i.name)).toEqual([
      "quay.io/jetstack/cert-manager-controller:v1.11.0",
      "quay.io/jetstack/cert-manager-cainjector:v1.11.0",
      "quay.io/jetstack/cert-manager-webhook:v1.11.0",
    ]);
    const webhook = byName(result.images!, "quay.io/jetstack/cert-manager-webhook:v1.11.0");
    expect(webhook.digest).toBe("sha256:6730d96fc382a57cde4f7519d2a32b40013e0d3bace2ea0579c7c051fbbd608d");
    expect(webhook.owners).toEqual([
      {
        namespace: "cert-manager",
        kind: "Deployment",
        name: "cert-manager-webhook",
        container: "cert-manager-webhook",
      },
      {
        namespace: "cert-manager-test",
        kind: "Deployment",
        name: "cert-manager-webhook",
        container: "cert-manager-webhook",
      },
    ]);
    // The images were scanned clean (Vulnerabilities: null); the map still holds 467 CVE details.
    expect(result.images!.every((i) => i.vulnerabilities.length === 0)).toBe(true);
    expect(result.meta).toMatchObject({ format: "fairwinds-minimized", images: 3, vulnerabilityDetails: 467 });
  });
});

describe("parseTrivy: Fairwinds minimized report v0.26 (single owner fields)", () => {
  const result = parseTrivy(v026());
  const images = result.images!;

  it("skips the 10 recommendation-only images and keeps the 18 running ones", () => {
    expect(images).toHaveLength(18);
    expect(result.meta).toMatchObject({ recommendationOnlySkipped: 10, vulnerabilityDetails: 467 });
    expect(images.some((i) => i.name === "docker.io/library/nginx:1.25.0")).toBe(false);
  });

  it("reads the deprecated OwnerKind/OwnerName/OwnerContainer/Namespace as the one owner", () => {
    expect(byName(images, "k8s.gcr.io/etcd:3.4.13-0").owners).toEqual([
      { namespace: "kube-system", kind: "Node", name: "kind-control-plane", container: "etcd" },
    ]);
  });

  it("joins vulnerability instances with the details map", () => {
    const nginx = byName(images, "docker.io/library/nginx:latest");
    expect(nginx.digest).toBe("sha256:480868e8c8c797794257e2abd88d0f9a8809b2fe956cbfbc05dcc0bca1f7cd43");
    expect(nginx.vulnerabilities).toHaveLength(144);
    const curl = nginx.vulnerabilities.find((v) => v.id === "CVE-2023-23914" && v.packageName === "curl");
    expect(curl).toMatchObject({
      installedVersion: "7.74.0-1.3+deb11u7",
      fixedVersion: "",
      title: "HSTS ignored on multiple requests",
      severity: 0.9,
    });
    expect(curl!.references).toHaveLength(8);
    const counts = { critical: 0, high: 0, medium: 0, low: 0 };
    for (const v of nginx.vulnerabilities) {
      if (v.severity === 0.9) counts.critical++;
      else if (v.severity === 0.7) counts.high++;
      else if (v.severity === 0.4) counts.medium++;
      else if (v.severity === 0.1) counts.low++;
    }
    expect(counts).toEqual({ critical: 5, high: 32, medium: 17, low: 90 });
  });

  it("deduplicates the same package version found in several targets of one image", () => {
    // fw-trivy lists 56 instances over 3 targets; 5 (docker, x/text, yaml.v3) appear twice.
    const trivy = byName(images, "quay.io/fairwinds/fw-trivy:0.18");
    expect(trivy.vulnerabilities).toHaveLength(51);
    expect(
      trivy.vulnerabilities.filter((v) => v.id === "CVE-2023-28840" && v.packageName === "github.com/docker/docker"),
    ).toHaveLength(1);
    expect(images.reduce((n, i) => n + i.vulnerabilities.length, 0)).toBe(1010);
  });

  it("falls back to the id when an advisory has no title", () => {
    const untitled = images.flatMap((i) => i.vulnerabilities).filter((v) => v.title === v.id);
    expect(untitled.length).toBeGreaterThan(0);
    expect(untitled.every((v) => /^(CVE|GHSA)-/.test(v.title))).toBe(true);
  });
});

describe("parseTrivy: raw trivy image -f json (SchemaVersion 2)", () => {
  it("returns one image without owners and its 6 vulnerabilities (2 critical, 4 medium)", () => {
    const result = parseTrivy(alpine());
    expect(result.findings).toEqual([]);
    expect(result.images).toHaveLength(1);
    const [image] = result.images!;
    expect(image.name).toBe("testdata/fixtures/images/alpine-39.tar.gz");
    // No RepoDigests in a tarball scan: the config digest identifies it.
    expect(image.digest).toBe("sha256:055936d3920576da37aa9bc460d70c5f212028bda1c08c0879aedf03d7a66ea1");
    expect(image.owners).toEqual([]);
    expect(image.vulnerabilities).toHaveLength(6);
    expect(image.vulnerabilities.filter((v) => v.severity === 0.9)).toHaveLength(2);
    expect(image.vulnerabilities.filter((v) => v.severity === 0.4)).toHaveLength(4);
    expect(image.vulnerabilities[0]).toMatchObject({
      id: "CVE-2019-1549",
      packageName: "libcrypto1.1",
      installedVersion: "1.1.1b-r1",
      fixedVersion: "1.1.1d-r0",
      title: "openssl: information disclosure in fork()",
      severity: 0.4,
    });
    const musl = image.vulnerabilities.find((v) => v.packageName === "musl");
    expect(musl).toMatchObject({ id: "CVE-2019-14697", title: "CVE-2019-14697", severity: 0.9 });
    expect(musl!.references).toHaveLength(3);
    expect(result.meta).toMatchObject({ format: "trivy-json" });
  });

  it("prefers the repo digest, which is what Kubernetes reports for a running image", () => {
    const report = alpine() as { Metadata: Record<string, unknown> };
    report.Metadata.RepoDigests = ["alpine@sha256:aaaa"];
    expect(parseTrivy(report).images![0].digest).toBe("sha256:aaaa");
  });

  it("accepts results without vulnerabilities and a report without results", () => {
    expect(
      parseTrivy({ SchemaVersion: 2, ArtifactName: "nginx:1.27", Results: [{ Target: "nginx (debian 12)" }] })
        .images![0],
    ).toEqual({ name: "nginx:1.27", digest: "", owners: [], vulnerabilities: [] });
    expect(parseTrivy({ SchemaVersion: 2, ArtifactName: "x", Results: null }).images![0].vulnerabilities).toEqual([]);
  });

  it("rejects another schema version and a bad vulnerability with the path", () => {
    expect(shapeError({ SchemaVersion: 1, ArtifactName: "x", Results: [] }).path).toBe("SchemaVersion");
    const report = alpine() as { Results: { Vulnerabilities: unknown[] }[] };
    report.Results[0].Vulnerabilities[3] = { PkgName: "musl" };
    expect(shapeError(report).path).toBe("Results[0].Vulnerabilities[3].VulnerabilityID");
  });
});

describe("parseTrivy: edge cases", () => {
  it("reads an empty minimized report", () => {
    expect(parseTrivy({ Images: [], Vulnerabilities: {} }).images).toEqual([]);
    expect(parseTrivy({ Images: null }).images).toEqual([]);
  });

  it("accepts bare ids, missing details, unknown severities and extra fields", () => {
    const result = parseTrivy({
      Images: [
        {
          ID: "",
          Name: "registry.example/app:1",
          Owners: [{ Kind: "StatefulSet", Name: "db", Namespace: "data", Container: "pg", Labels: { x: "y" } }],
          Report: [{ Target: "app", Vulnerabilities: ["CVE-1", { VulnerabilityID: "CVE-2", PkgName: "zlib" }] }],
          SomethingNew: 42,
        },
      ],
      Vulnerabilities: { "CVE-2": { Title: "zlib bug", Severity: "NEGLIGIBLE" } },
      Extra: true,
    });
    const [image] = result.images!;
    expect(image.digest).toBe("");
    expect(image.owners).toEqual([{ namespace: "data", kind: "StatefulSet", name: "db", container: "pg" }]);
    expect(image.vulnerabilities).toEqual([
      {
        id: "CVE-1",
        packageName: "",
        installedVersion: "",
        fixedVersion: "",
        title: "CVE-1",
        description: "",
        severity: 0,
        references: [],
      },
      {
        id: "CVE-2",
        packageName: "zlib",
        installedVersion: "",
        fixedVersion: "",
        title: "zlib bug",
        description: "",
        severity: 0,
        references: [],
      },
    ]);
  });

  it("merges entries of the same image digest into one image with both owners", () => {
    const entry = (name: string) => ({
      ID: `nginx:1@sha256:abc`,
      Name: "nginx:1",
      OwnerKind: "Deployment",
      OwnerName: name,
      OwnerContainer: "nginx",
      Namespace: "web",
      Report: [{ Target: "t", Vulnerabilities: [{ VulnerabilityID: "CVE-9", PkgName: "p", InstalledVersion: "1" }] }],
    });
    const images = parseTrivy({ Images: [entry("a"), entry("b")], Vulnerabilities: {} }).images!;
    expect(images).toHaveLength(1);
    expect(images[0].owners.map((o) => o.name)).toEqual(["a", "b"]);
    expect(images[0].vulnerabilities).toHaveLength(1);
  });

  it("throws ReportShapeError naming the path for wrong shapes", () => {
    expect(shapeError(null).path).toBe("(root)");
    expect(shapeError([]).path).toBe("(root)");
    expect(shapeError({ Results: [] }).path).toBe("(root)");
    expect(shapeError({ Images: {} }).path).toBe("Images");
    expect(shapeError({ Images: [{ ID: "x" }] }).path).toBe("Images[0].Name");
    expect(shapeError({ Images: [{ Name: "x", Report: [{ Vulnerabilities: [7] }] }] }).path).toBe(
      "Images[0].Report[0].Vulnerabilities[0]",
    );
    expect(shapeError({ Images: [], Vulnerabilities: { "CVE-1": { References: "x" } } }).path).toBe(
      'Vulnerabilities["CVE-1"].References',
    );
  });
});

describe("severity mapping", () => {
  it("maps Trivy's names to Fairwinds' scores and back", () => {
    expect(["CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN", "whatever", "high"].map(trivySeverityScore)).toEqual([
      0.9, 0.7, 0.4, 0.1, 0, 0, 0.7,
    ]);
    expect([0.9, 0.7, 0.4, 0.1, 0].map(trivySeverityName)).toEqual(["CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN"]);
  });
});

describe("minimizeTrivyReport", () => {
  it("round-trips the v0.26 fixture: parse → minimize → parse gives the same images", () => {
    const images = parseTrivy(v026()).images!;
    const minimized = minimizeTrivyReport(images, { lastScan: "2023-06-06T20:09:52Z" });
    // What the agent downloads is JSON: go through text like the route does.
    const again = parseTrivy(JSON.parse(JSON.stringify(minimized)));
    expect(again.images).toEqual(images);
    expect(Object.keys(minimized.Vulnerabilities)).toHaveLength(
      new Set(images.flatMap((i) => i.vulnerabilities.map((v) => v.id))).size,
    );
    expect(minimized.Images[0]).toMatchObject({
      ID: "quay.io/jetstack/cert-manager-controller:v1.11.0@sha256:d429b6d696e0ef47cff1d15241c6ffaac351e38ac22664b82fafa771d615b89a",
      Owners: [
        { Kind: "Deployment", Namespace: "cert-manager", Name: "cert-manager", Container: "cert-manager-controller" },
      ],
      OwnerName: "cert-manager",
      LastScan: "2023-06-06T20:09:52Z",
      RecommendationOnly: false,
    });
  });

  it("round-trips the v0.27 fixture and the raw alpine report", () => {
    for (const report of [v027(), alpine()]) {
      const images = parseTrivy(report).images!;
      expect(parseTrivy(JSON.parse(JSON.stringify(minimizeTrivyReport(images)))).images).toEqual(images);
    }
  });

  it("keeps one detail entry per CVE with Trivy's severity name", () => {
    const minimized = minimizeTrivyReport(parseTrivy(alpine()).images!);
    expect(Object.keys(minimized.Vulnerabilities).sort()).toEqual(["CVE-2019-14697", "CVE-2019-1549", "CVE-2019-1551"]);
    expect(minimized.Vulnerabilities["CVE-2019-14697"].Severity).toBe("CRITICAL");
    expect(minimized.Images[0].Report[0].Vulnerabilities).toHaveLength(6);
    expect(minimized.Images[0].LastScan).toBeNull();
  });
});

// Timing is measured by the ingest benchmark, not asserted here; this checks the result at scale.
describe("at benchmark scale", () => {
  it("parses and minimizes 50,000 vulnerability instances", () => {
    const details: Record<string, unknown> = {};
    const imgs = [];
    for (let i = 0; i < 50; i++) {
      const vulns = [];
      for (let j = 0; j < 1000; j++) {
        const id = `CVE-2024-${j}`;
        details[id] = { Title: `t${j}`, Description: "d", Severity: "HIGH", VulnerabilityID: id, References: ["r"] };
        vulns.push({ VulnerabilityID: id, PkgName: `pkg${j % 97}`, InstalledVersion: "1.0", FixedVersion: "1.1" });
      }
      imgs.push({
        ID: `app${i}@sha256:${i}`,
        Name: `app${i}`,
        Owners: [{ Kind: "Deployment", Name: `app${i}`, Namespace: "ns", Container: "c" }],
        Report: [{ Target: "t", Vulnerabilities: vulns }],
      });
    }
    const images = parseTrivy({ Images: imgs, Vulnerabilities: details }).images!;
    const minimized = minimizeTrivyReport(images);
    expect(images.reduce((n, i) => n + i.vulnerabilities.length, 0)).toBe(50_000);
    expect(minimized.Images).toHaveLength(50);
  });
});

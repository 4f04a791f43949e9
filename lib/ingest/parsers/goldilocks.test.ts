import { describe, expect, it } from "vitest";
import { parserFixture } from "@/lib/testing/fixtures";
import { shapeErrorOf } from "./parser-testing";
import { DEFAULT_GOLDILOCKS_THRESHOLD, parseGoldilocks } from "./goldilocks";
import type { TParsedFinding } from "./types";
import { severityLabel } from "@/lib/domain/severity";

// Built from goldilocks' pkg/summary structs and constants_test.go: see fixtures/*.SOURCE.md.
const summary = () => parserFixture("goldilocks-summary.json");
const mixed = () => parserFixture<{ Namespaces: Record<string, unknown> }>("goldilocks-summary-mixed.json");

const key = (f: TParsedFinding) =>
  `${f.resource.namespace}/${f.resource.kind}/${f.resource.name}/${f.resource.container}:${f.checkId}`;

const shapeError = (input: unknown) => shapeErrorOf(parseGoldilocks, input);

describe("parseGoldilocks: goldilocks' own test summary", () => {
  it("finds nothing when requests and limits equal the target (100m/100Mi)", () => {
    const result = parseGoldilocks(summary());
    expect(result.findings).toEqual([]);
    expect(result.meta).toEqual({ threshold: 0.25, containers: 1 });
  });

  it("flags the same container once its requests drift from the target", () => {
    const report = summary() as {
      Namespaces: { testing: { workloads: Record<string, { containers: Record<string, { requests: unknown }> }> } };
    };
    report.Namespaces.testing.workloads["test-vpa-with-reco"].containers.container.requests = {
      cpu: "200m",
      memory: "100Mi",
    };
    const [finding] = parseGoldilocks(report).findings;
    expect(finding.checkId).toBe("cpuRequestTooHigh");
    expect(finding.resource).toEqual({
      namespace: "testing",
      kind: "Deployment",
      name: "test-vpa-with-reco",
      container: "container",
    });
    expect(finding.evidence).toMatchObject({
      requests: { cpu: "200m", memory: "100Mi" },
      target: { cpu: "100m", memory: "100Mi" },
      lowerBound: { cpu: "10m", memory: "10Mi" },
      upperBound: { cpu: "500m", memory: "500Mi" },
    });
  });
});

describe("parseGoldilocks: mixed summary", () => {
  const result = parseGoldilocks(mixed());

  it("reports exactly the expected checks per container", () => {
    expect(result.findings.map(key).sort()).toEqual(
      [
        "payments/Deployment/payments-api/api:cpuRequestTooHigh",
        "payments/Deployment/payments-api/api:memoryRequestTooLow",
        "payments/Deployment/payments-api/envoy:resourceRequestsMissing",
        "payments/Deployment/payments-api/envoy:resourceLimitsMissing",
        "kube-system/DaemonSet/kube-proxy/kube-proxy:resourceRequestsMissing",
        "kube-system/DaemonSet/kube-proxy/kube-proxy:resourceLimitsMissing",
        "kube-system/DaemonSet/kube-proxy/kube-proxy:cpuRequestTooHigh",
        "checkout/StatefulSet/redis/redis:resourceLimitsMissing",
      ].sort(),
    );
    expect(result.findings.every((f) => f.category === "efficiency")).toBe(true);
    expect(result.meta).toEqual({ threshold: DEFAULT_GOLDILOCKS_THRESHOLD, containers: 5 });
  });

  it("rates too little memory medium and every other gap low", () => {
    const severities = Object.fromEntries(result.findings.map((f) => [key(f), severityLabel(f.severity)]));
    expect(severities["payments/Deployment/payments-api/api:memoryRequestTooLow"]).toBe("medium");
    expect(severities["payments/Deployment/payments-api/api:cpuRequestTooHigh"]).toBe("low");
    expect(result.findings.filter((f) => f.severity === 0.25)).toHaveLength(7);
  });

  it("explains an over-request with the numbers and a command to fix it", () => {
    const f = result.findings.find((x) => key(x) === "payments/Deployment/payments-api/api:cpuRequestTooHigh")!;
    expect(f.title).toBe("CPU request too high");
    expect(f.description).toContain("requests 1 CPU");
    expect(f.description).toContain("120m");
    expect(f.description).toContain("733% more");
    expect(f.remediation).toContain("resources.requests.cpu to 120m");
    expect(f.remediation).toContain(
      "kubectl -n payments set resources deployment/payments-api -c api --requests=cpu=120m",
    );
    expect(f.evidence).toMatchObject({ requests: { cpu: "1", memory: "256Mi" }, threshold: 0.25 });
  });

  it("recommends whole Mi for memory from goldilocks' decimal units", () => {
    const f = result.findings.find((x) => key(x) === "payments/Deployment/payments-api/api:memoryRequestTooLow")!;
    // 629146k = 629,146,000 bytes = 599.999… Mi → 600Mi.
    expect(f.remediation).toContain("resources.requests.memory to 600Mi");
    expect(f.description).toContain("requests 256Mi memory but uses about 600Mi");
    expect(f.description).toContain("134% more");
    // Its 512Mi limit is below the 600Mi it uses.
    expect(f.description).toContain("memory limit (512Mi) is below that too");
  });

  it("lists what is missing and suggests the recommended values", () => {
    const envoyRequests = result.findings.find(
      (x) => key(x) === "payments/Deployment/payments-api/envoy:resourceRequestsMissing",
    )!;
    expect(envoyRequests.title).toBe("CPU and memory requests not set");
    expect(envoyRequests.evidence).toMatchObject({ missing: ["cpu", "memory"], requests: {}, limits: {} });
    // target 15m / 105M (105,000,000 bytes ≈ 100.1Mi → 101Mi)
    expect(envoyRequests.remediation).toContain("cpu=15m,memory=101Mi");

    const proxyLimits = result.findings.find(
      (x) => key(x) === "kube-system/DaemonSet/kube-proxy/kube-proxy:resourceLimitsMissing",
    )!;
    // Limits come from the upper bound: 90m / 104857k → 100Mi.
    expect(proxyLimits.remediation).toContain("--limits=cpu=90m,memory=100Mi");
    const redisLimits = result.findings.find(
      (x) => key(x) === "checkout/StatefulSet/redis/redis:resourceLimitsMissing",
    )!;
    expect(redisLimits.title).toBe("CPU limit not set");
    expect(redisLimits.evidence).toMatchObject({ missing: ["cpu"] });
    // Upper bound "1" core is written as kubectl users write it.
    expect(redisLimits.remediation).toContain("--limits=cpu=1`");
  });

  it("uses a tighter threshold when given one", () => {
    const tight = parseGoldilocks(mixed(), { threshold: 0.1 });
    const web = tight.findings.filter((f) => f.resource.name === "checkout-web").map((f) => f.checkId);
    expect(web.sort()).toEqual(["cpuRequestTooLow", "memoryRequestTooHigh"]);
    expect(tight.findings).toHaveLength(10);
    expect(() => parseGoldilocks(mixed(), { threshold: -1 })).toThrow(RangeError);
  });
});

describe("parseGoldilocks: edge cases", () => {
  it("reads empty summaries", () => {
    expect(parseGoldilocks({ Namespaces: {} }).findings).toEqual([]);
    expect(parseGoldilocks({ Namespaces: null }).findings).toEqual([]);
    expect(parseGoldilocks({ Namespaces: { a: { namespace: "a", workloads: null } } }).findings).toEqual([]);
  });

  it("reads the older deployments/deploymentName layout and ignores unknown fields", () => {
    const result = parseGoldilocks({
      Namespaces: {
        legacy: {
          namespace: "legacy",
          deployments: {
            web: {
              deploymentName: "web",
              containers: { nginx: { containerName: "nginx", target: { cpu: "100m", memory: "64Mi" } } },
            },
          },
          SomethingNew: { x: 1 },
        },
      },
    });
    expect(
      result.findings.map((f) => `${f.resource.kind}/${f.resource.name}/${f.resource.container}:${f.checkId}`),
    ).toEqual(["Deployment/web/nginx:resourceRequestsMissing", "Deployment/web/nginx:resourceLimitsMissing"]);
  });

  it("says so when there is no recommendation to suggest", () => {
    const [f] = parseGoldilocks({
      Namespaces: {
        a: {
          workloads: {
            w: { controllerType: "Deployment", containers: { c: { limits: { cpu: "1", memory: "1Gi" } } } },
          },
        },
      },
    }).findings;
    expect(f.checkId).toBe("resourceRequestsMissing");
    expect(f.resource).toEqual({ namespace: "a", kind: "Deployment", name: "w", container: "c" });
    expect(f.remediation).toContain("no recommendation yet");
  });

  it("throws ReportShapeError naming the path for wrong shapes", () => {
    expect(shapeError(null).path).toBe("(root)");
    expect(shapeError({}).path).toBe("Namespaces");
    expect(shapeError({ Namespaces: [] }).path).toBe("Namespaces");
    expect(
      shapeError({
        Namespaces: { "kube-system": { workloads: { x: { containers: { c: { requests: { cpu: "lots" } } } } } } },
      }).path,
    ).toBe('Namespaces["kube-system"].workloads.x.containers.c.requests.cpu');
  });
});

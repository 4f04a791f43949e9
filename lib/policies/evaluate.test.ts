import { describe, expect, it } from "vitest";
import { BUILT_IN_CHECKS, checkById } from "./checks";
import { evaluateObject } from "./evaluate";
import { goodContainer, goodDeployment, goodPodSpec } from "./test-manifests";

const POLARIS_IDS = [
  "runAsRootAllowed",
  "privilegeEscalationAllowed",
  "runAsPrivileged",
  "dangerousCapabilities",
  "hostNetworkSet",
  "hostPIDSet",
  "hostIPCSet",
  "hostPortSet",
  "notReadOnlyRootFilesystem",
  "cpuRequestsMissing",
  "cpuLimitsMissing",
  "memoryRequestsMissing",
  "memoryLimitsMissing",
  "livenessProbeMissing",
  "readinessProbeMissing",
  "tagNotSpecified",
  "pullPolicyNotAlways",
  "deploymentMissingReplicas",
];

describe("built-in checks registry", () => {
  it("uses the Polaris check ids, so agent and admission findings share one identity", () => {
    for (const id of POLARIS_IDS) expect(checkById(id)?.id).toBe(id);
    expect(checkById("hostPathSet")?.category).toBe("security");
    expect(checkById("nope")).toBeUndefined();
  });

  it("has unique ids and a remediation with a YAML snippet for every check", () => {
    expect(new Set(BUILT_IN_CHECKS.map((c) => c.id)).size).toBe(BUILT_IN_CHECKS.length);
    for (const check of BUILT_IN_CHECKS) {
      expect(check.remediation, check.id).toContain("```yaml");
      expect(check.description.length, check.id).toBeGreaterThan(20);
    }
  });
});

describe("evaluateObject", () => {
  it("passes a realistic good Deployment on every check", () => {
    const { results } = evaluateObject(goodDeployment(), { targetVersion: { major: 1, minor: 32 } });
    expect(results.map((r) => r.checkId).sort()).toEqual(BUILT_IN_CHECKS.map((c) => c.id).sort());
    expect(results.filter((r) => r.failures.length > 0)).toEqual([]);
  });

  it("reports severity, category and title from the check", () => {
    const { results } = evaluateObject(goodDeployment({ podSpec: { hostPID: true } }));
    const failed = results.filter((r) => r.failures.length > 0);
    expect(failed).toEqual([
      {
        checkId: "hostPIDSet",
        severity: "high",
        category: "security",
        title: "Host process namespace shared",
        failures: [{ path: "spec.template.spec.hostPID", message: "The pod shares the node's process namespace." }],
        exempted: false,
      },
    ]);
  });

  it("runs only the given checks", () => {
    const only = [checkById("runAsPrivileged")!];
    expect(evaluateObject(goodDeployment(), { checks: only }).results.map((r) => r.checkId)).toEqual([
      "runAsPrivileged",
    ]);
  });

  it("runs no workload checks on kinds without a Pod template, and survives malformed workloads", () => {
    expect(evaluateObject({ apiVersion: "v1", kind: "Service", metadata: { name: "s" } }).results).toEqual([]);
    expect(
      evaluateObject({ kind: "Deployment", spec: "oops" }).results.find((r) => r.failures.length > 0)?.checkId,
    ).toBe("deploymentMissingReplicas");
  });

  it("evaluates a bare Pod and a CronJob", () => {
    const pod = { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: goodPodSpec() };
    expect(evaluateObject(pod).results.filter((r) => r.failures.length > 0)).toEqual([]);
    const cron = {
      apiVersion: "batch/v1",
      kind: "CronJob",
      metadata: { name: "c" },
      spec: {
        jobTemplate: {
          spec: { template: { spec: goodPodSpec({ containers: [goodContainer({ securityContext: {} })] }) } },
        },
      },
    };
    const failed = evaluateObject(cron).results.filter((r) => r.failures.length > 0);
    expect(failed.map((r) => r.checkId).sort()).toEqual(["notReadOnlyRootFilesystem", "privilegeEscalationAllowed"]);
    expect(failed[0]?.failures[0]?.path).toMatch(
      /^spec\.jobTemplate\.spec\.template\.spec\.containers\[0\]\.securityContext\./,
    );
    expect(evaluateObject(cron).results.some((r) => r.checkId === "livenessProbeMissing")).toBe(false);
  });
});

describe("exemptions by annotation", () => {
  const bad = (annotations: Record<string, string>) =>
    goodDeployment({ annotations, podSpec: { hostNetwork: true, hostPID: true } });

  it("exempts the listed checks when a reason is given, keeping their failures visible", () => {
    const { results } = evaluateObject(
      bad({
        "bumpers.io/exempt": "hostNetworkSet, hostPIDSet",
        "bumpers.io/exempt-reason": "CNI agent, approved by SEC-12",
      }),
    );
    for (const id of ["hostNetworkSet", "hostPIDSet"]) {
      const result = results.find((r) => r.checkId === id);
      expect(result?.exempted).toBe(true);
      expect(result?.failures).toHaveLength(1);
      expect(result?.exemptionNote).toBe("Exempted by annotation: CNI agent, approved by SEC-12");
    }
    expect(results.find((r) => r.checkId === "runAsPrivileged")?.exempted).toBe(false);
  });

  it("only exempts the listed checks", () => {
    const { results } = evaluateObject(
      bad({ "bumpers.io/exempt": "hostNetworkSet", "bumpers.io/exempt-reason": "CNI" }),
    );
    expect(results.find((r) => r.checkId === "hostPIDSet")).toMatchObject({ exempted: false });
    expect(results.find((r) => r.checkId === "hostPIDSet")?.exemptionNote).toBeUndefined();
  });

  it.each<Record<string, string>>([{}, { "bumpers.io/exempt-reason": "   " }])(
    "refuses the exemption without a reason (%o) and says why",
    (reason) => {
      const { results } = evaluateObject(bad({ "bumpers.io/exempt": "hostNetworkSet", ...reason }));
      expect(results.find((r) => r.checkId === "hostNetworkSet")).toMatchObject({
        exempted: false,
        exemptionNote: "Not exempted: the bumpers.io/exempt-reason annotation is required to explain the exemption.",
      });
    },
  );

  it("ignores annotations on the Pod template: exemptions belong to the object itself", () => {
    const object = bad({});
    const spec = object.spec as { template: { metadata: Record<string, unknown> } };
    spec.template.metadata.annotations = { "bumpers.io/exempt": "hostNetworkSet", "bumpers.io/exempt-reason": "x" };
    expect(evaluateObject(object).results.find((r) => r.checkId === "hostNetworkSet")?.exempted).toBe(false);
  });
});

describe("evaluateObject on hostile input", () => {
  const weird: unknown[] = [null, "text", 42, [], [null, "x", 3], { add: "SYS_ADMIN" }, true];

  it("never throws on fields of unexpected types, whatever the kind", () => {
    for (const kind of ["Pod", "Deployment", "CronJob", "Service", 7]) {
      for (const value of weird) {
        const container = {
          name: value,
          image: value,
          imagePullPolicy: value,
          ports: value,
          resources: { requests: value, limits: value },
          securityContext: { capabilities: value, privileged: value, runAsUser: value },
        };
        const podSpec = {
          securityContext: value,
          containers: [container, value],
          initContainers: value,
          volumes: [value],
        };
        const object = {
          apiVersion: value,
          kind,
          metadata: { annotations: { "bumpers.io/exempt": value } },
          spec: { ...podSpec, replicas: value, template: { spec: podSpec }, jobTemplate: value },
        };
        expect(() => evaluateObject(object, { targetVersion: { major: 1, minor: 30 } })).not.toThrow();
      }
    }
  });

  it("still reports the real problems of a partly malformed object", () => {
    const object = goodDeployment({
      podSpec: { containers: ["junk", goodContainer({ securityContext: { privileged: true } })] },
    });
    const privileged = evaluateObject(object).results.find((r) => r.checkId === "runAsPrivileged");
    expect(privileged?.failures).toEqual([
      {
        container: "web",
        path: "spec.template.spec.containers[1].securityContext.privileged",
        message: 'Container "web" runs in privileged mode.',
      },
    ]);
  });
});

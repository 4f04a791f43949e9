import { describe, expect, it } from "vitest";
import { BUILT_IN_CHECKS, checkById } from "./checks";
import { evaluateObject } from "./evaluate";
import { goodContainer, goodDeployment, goodNonWorkloads, goodPodSpec } from "./test-manifests";

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
  "insecureCapabilities",
  "linuxHardening",
  "procMount",
  "hostProcess",
  "automountServiceAccountToken",
  "sensitiveContainerEnvVar",
  "sensitiveConfigmapContent",
  "tlsSettingsMissing",
  "clusterrolePodExecAttach",
  "rolePodExecAttach",
  "clusterrolebindingClusterAdmin",
  "rolebindingClusterAdminClusterRole",
  "priorityClassNotSet",
  "topologySpreadConstraint",
  "pdbDisruptionsIsZero",
  "hpaMinAvailability",
  "hpaMaxAvailability",
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
  it("passes a realistic good Deployment on every check that applies to Deployments", () => {
    const { results } = evaluateObject(goodDeployment(), { targetVersion: { major: 1, minor: 32 } });
    const forDeployments = BUILT_IN_CHECKS.filter((c) => c.appliesTo === "all" || c.appliesTo.includes("Deployment"));
    expect(results.map((r) => r.checkId).sort()).toEqual(forDeployments.map((c) => c.id).sort());
    expect(results.filter((r) => r.failures.length > 0)).toEqual([]);
  });

  it("passes good objects of the other kinds, and every check runs on one of the good objects", () => {
    const ran = new Set<string>();
    for (const object of [goodDeployment(), ...goodNonWorkloads()]) {
      const { results } = evaluateObject(object, { targetVersion: { major: 1, minor: 32 } });
      expect(
        results.filter((r) => r.failures.length > 0),
        String(object.kind),
      ).toEqual([]);
      for (const result of results) ran.add(result.checkId);
    }
    // A check whose appliesTo names no real kind would silently never run.
    expect([...ran].sort()).toEqual(BUILT_IN_CHECKS.map((c) => c.id).sort());
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
    // The pod-level RuntimeDefault seccomp profile keeps linuxHardening passing without dropped capabilities.
    expect(failed.map((r) => r.checkId).sort()).toEqual([
      "insecureCapabilities",
      "notReadOnlyRootFilesystem",
      "privilegeEscalationAllowed",
    ]);
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

  const kinds: unknown[] = [
    "Pod",
    "Deployment",
    "CronJob",
    "Service",
    7,
    ...new Set(BUILT_IN_CHECKS.flatMap((c) => (c.appliesTo === "all" ? [] : c.appliesTo))),
  ];

  it("never throws on fields of unexpected types, whatever the kind", () => {
    for (const kind of kinds) {
      for (const value of weird) {
        const securityContext = {
          capabilities: value,
          privileged: value,
          runAsUser: value,
          procMount: value,
          windowsOptions: value,
          seccompProfile: value,
          seLinuxOptions: value,
          appArmorProfile: value,
        };
        const container = {
          name: value,
          image: value,
          imagePullPolicy: value,
          ports: [value, { hostPort: value }],
          env: [value, { name: value, value }, { name: "API_TOKEN", value }],
          resources: { requests: value, limits: value },
          securityContext: { ...securityContext, capabilities: { drop: value, add: value } },
        };
        const podSpec = {
          securityContext: { ...securityContext, windowsOptions: { hostProcess: value } },
          containers: [container, { securityContext }, value],
          initContainers: value,
          volumes: [value],
          automountServiceAccountToken: value,
          serviceAccountName: value,
          priorityClassName: value,
          topologySpreadConstraints: value,
        };
        const object = {
          apiVersion: value,
          kind,
          metadata: { name: value, annotations: { "bumpers.io/exempt": value } },
          spec: {
            ...podSpec,
            replicas: value,
            template: { metadata: { annotations: value }, spec: podSpec },
            jobTemplate: value,
            tls: value,
            minAvailable: value,
            maxUnavailable: value,
            minReplicas: value,
            maxReplicas: value,
          },
          data: value,
          rules: [value, { apiGroups: value, resources: value, verbs: value }],
          roleRef: value,
        };
        expect(() => evaluateObject(object, { targetVersion: { major: 1, minor: 30 } })).not.toThrow();
        // Whole sections of the wrong type, too.
        const hollow = { kind, metadata: value, spec: value, data: value, rules: value, roleRef: value };
        expect(() => evaluateObject(hollow, { targetVersion: { major: 1, minor: 30 } })).not.toThrow();
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

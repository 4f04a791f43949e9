import { describe, expect, it } from "vitest";
import { sharedFixture } from "@/lib/testing/fixtures";
import { shapeErrorOf } from "./parser-testing";
import { parsePolaris } from "./polaris";
import { severityLabel } from "@/lib/domain/severity";

const fixture = sharedFixture("polaris/audit-dashboard-sample.json");

function check(id: string, success: boolean, severity: string, category = "Security", details: string[] | null = null) {
  return {
    ID: id,
    Message: `${id} message`,
    Details: details,
    Success: success,
    Severity: severity,
    Category: category,
  };
}

function audit(results: unknown[]) {
  return { PolarisOutputVersion: "1.0", ClusterInfo: { Version: "1.29" }, Results: results };
}

function expectShapeError(report: unknown, expectedPath: string) {
  expect(shapeErrorOf(parsePolaris, report).path).toBe(expectedPath);
}

describe("parsePolaris on the dashboard sample", () => {
  const { findings, meta } = parsePolaris(fixture);

  it("finds the 29 failing checks: 24 warnings (low) and 5 dangers (high)", () => {
    expect(findings).toHaveLength(29);
    expect(findings.filter((f) => f.severity === 0.25)).toHaveLength(24);
    expect(findings.filter((f) => f.severity === 0.75)).toHaveLength(5);
    expect(new Set(findings.map((f) => severityLabel(f.severity)))).toEqual(new Set(["low", "high"]));
  });

  it("maps Polaris categories", () => {
    const count = (c: string) => findings.filter((f) => f.category === c).length;
    expect([count("security"), count("reliability"), count("efficiency")]).toEqual([15, 9, 5]);
  });

  it("keeps container-level findings apart from the pod-level one", () => {
    expect(findings.filter((f) => f.resource.container !== "")).toHaveLength(28);
    const pod = findings.filter((f) => f.evidence.level === "pod");
    expect(pod).toHaveLength(1);
    expect(pod[0]).toMatchObject({
      checkId: "hostNetworkSet",
      title: "Host network should not be configured",
      category: "security",
      resource: { namespace: "kube-system", kind: "DaemonSet", name: "kindnet", container: "" },
    });
  });

  it("builds a useful finding for a container check", () => {
    const finding = findings.find(
      (f) => f.checkId === "privilegeEscalationAllowed" && f.resource.name === "kube-scheduler-kind-control-plane",
    );
    expect(finding).toMatchObject({
      title: "Privilege escalation should not be allowed",
      category: "security",
      severity: 0.75,
      resource: {
        namespace: "kube-system",
        kind: "Pod",
        name: "kube-scheduler-kind-control-plane",
        container: "kube-scheduler",
      },
      evidence: {
        level: "container",
        polarisSeverity: "danger",
        docs: "https://polaris.docs.fairwinds.com/checks/security/",
      },
    });
    expect(finding?.remediation).toContain("allowPrivilegeEscalation: false");
    expect(finding?.description).toContain("https://polaris.docs.fairwinds.com/checks/security/");
  });

  it("links efficiency checks to the efficiency docs", () => {
    const finding = findings.find((f) => f.checkId === "memoryRequestsMissing");
    expect(finding?.resource).toEqual({
      namespace: "local-path-storage",
      kind: "Deployment",
      name: "local-path-provisioner",
      container: "local-path-provisioner",
    });
    expect(finding?.evidence.docs).toBe("https://polaris.docs.fairwinds.com/checks/efficiency/");
    expect(finding?.remediation).toContain("resources.requests.memory");
  });

  it("reports nothing for a workload whose checks all pass", () => {
    expect(findings.some((f) => f.resource.name === "polaris-dashboard")).toBe(false);
  });

  it("keeps the cluster information as metadata", () => {
    expect(meta).toMatchObject({
      polarisOutputVersion: "1.0",
      auditTime: "2021-11-03T11:24:29-06:00",
      sourceName: "https://127.0.0.1:60673",
      kubernetesVersion: "1.21",
      clusterInfo: { nodes: 1, namespaces: 6, controllers: 6 },
      score: 76,
    });
  });
});

describe("parsePolaris edge cases", () => {
  it("reports controller-level failures and skips ignored checks", () => {
    const { findings } = parsePolaris(
      audit([
        {
          Name: "checkout",
          Namespace: "shop",
          Kind: "Deployment",
          Results: {
            deploymentMissingReplicas: check("deploymentMissingReplicas", false, "warning", "Reliability"),
            missingPodDisruptionBudget: check("missingPodDisruptionBudget", false, "ignore", "Reliability"),
          },
          PodResult: null,
        },
      ]),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      checkId: "deploymentMissingReplicas",
      category: "reliability",
      resource: { namespace: "shop", kind: "Deployment", name: "checkout", container: "" },
      evidence: { level: "controller" },
    });
  });

  it("handles cluster-scoped objects, null result sets and Details", () => {
    const { findings } = parsePolaris(
      audit([
        {
          Name: "admins",
          Namespace: "",
          Kind: "ClusterRoleBinding",
          Results: {
            clusterrolebindingClusterAdmin: check("clusterrolebindingClusterAdmin", false, "danger", "Security", [
              "subject: ops",
            ]),
          },
          PodResult: { Name: "", Results: null, ContainerResults: null },
        },
      ]),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].resource).toEqual({ namespace: "", kind: "ClusterRoleBinding", name: "admins", container: "" });
    expect(findings[0].evidence.details).toEqual(["subject: ops"]);
    expect(findings[0].description).toContain("Details: subject: ops");
  });

  it("maps pre-1.0 category names and falls back to a generic remediation for unknown checks", () => {
    const { findings } = parsePolaris(
      audit([
        {
          Name: "api",
          Namespace: "shop",
          Kind: "Deployment",
          Results: null,
          PodResult: {
            Results: { hostPortSet: check("hostPortSet", false, "warning", "Networking") },
            ContainerResults: [
              {
                Name: "api",
                Results: {
                  readinessProbeMissing: check("readinessProbeMissing", false, "warning", "Health Checks"),
                  myCustomCheck: check("myCustomCheck", false, "danger", "Resources"),
                },
              },
            ],
          },
        },
      ]),
    );
    const byId = Object.fromEntries(findings.map((f) => [f.checkId, f]));
    expect(byId.hostPortSet.category).toBe("security");
    expect(byId.readinessProbeMissing.category).toBe("reliability");
    expect(byId.myCustomCheck.category).toBe("efficiency");
    expect(byId.myCustomCheck.remediation).toContain("https://polaris.docs.fairwinds.com/checks/efficiency/");
  });

  it("accepts an empty audit and ignores unknown fields", () => {
    expect(parsePolaris({ Results: null }).findings).toEqual([]);
    expect(parsePolaris({ ...audit([]), SomethingNew: { a: 1 } }).findings).toEqual([]);
  });

  it("names the path of a wrong shape", () => {
    expectShapeError({}, "Results");
    expectShapeError([], "(root)");
    expectShapeError(
      audit([{ Name: "x", Kind: "Pod", Results: { a: { ID: "a", Success: "no" } } }]),
      "Results[0].Results.a.Success",
    );
    expectShapeError(
      audit([
        { Name: "x", Kind: "Pod", Results: null, PodResult: { Results: null, ContainerResults: [{ Results: null }] } },
      ]),
      "Results[0].PodResult.ContainerResults[0].Name",
    );
  });
});

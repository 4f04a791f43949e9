import { describe, expect, it } from "vitest";
import { sharedFixture, parserFixture } from "@/lib/testing/fixtures";
import { shapeErrorOf } from "./parser-testing";
import { parseKubeBench } from "./kube-bench";

const raw = sharedFixture("kube-bench/result.json");
// Built from insights-plugins' node-keyed map; see fixtures/kube-bench-agent.SOURCE.md.
const agent = parserFixture("kube-bench-agent.json");

function controls(nodeType: string, results: Record<string, unknown>[]) {
  return {
    id: "4",
    version: "1.5",
    text: "Worker Node Security Configuration",
    node_type: nodeType,
    tests: [{ section: "4.2", desc: "Kubelet", results }],
  };
}

function check(testNumber: string, status: string, extra: Record<string, unknown> = {}) {
  return { test_number: testNumber, test_desc: `check ${testNumber}`, remediation: "Fix it.", status, ...extra };
}

const shapeErrorPath = (report: unknown) => shapeErrorOf(parseKubeBench, report).path;

describe("parseKubeBench on raw kube-bench --json output", () => {
  const { findings, meta } = parseKubeBench(raw);

  it("keeps the reported totals: pass 49, fail 12, warn 14", () => {
    expect(meta?.totals).toEqual({ pass: 49, fail: 12, warn: 14, info: 0 });
    expect(meta?.totalsByNode).toEqual({
      master: { pass: 42, fail: 12, warn: 11, info: 0 },
      etcd: { pass: 7, fail: 0, warn: 0, info: 0 },
      controlplane: { pass: 0, fail: 0, warn: 3, info: 0 },
    });
    expect(meta?.benchmarkVersions).toEqual(["1.5", "1.15"]);
  });

  it("turns the one WARN result into a low compliance finding; the two PASS results make none", () => {
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      checkId: "cis-3.1.1",
      title: "Client certificate authentication should not be used for users (Not Scored)",
      category: "compliance",
      severity: 0.25,
      resource: { namespace: "", kind: "Node", name: "controlplane", container: "" },
      evidence: {
        section: "3.1 Authentication and Authorization",
        testNumber: "3.1.1",
        status: "WARN",
        audit: "",
        expectedResult: "",
        reason: "Test marked as a manual test",
      },
    });
    expect(findings[0].remediation).toContain("Review this by hand.");
    expect(findings[0].remediation).toContain("use of OIDC");
    expect(findings[0].remediation).toContain("managed Kubernetes service");
    expect(findings[0].description).toContain("needs a manual review");
  });
});

describe("parseKubeBench on the insights-agent node map", () => {
  const { findings, meta } = parseKubeBench(agent);

  it("makes a finding per FAIL (medium) and WARN (low) on the node that ran it", () => {
    // Object key order puts the integer-like "5" (policies) first; the order carries no meaning.
    expect(findings.map((f) => `${f.resource.name} ${f.checkId} ${f.severity}`).sort()).toEqual([
      "cluster cis-5.1.1 0.25",
      "kind-control-plane cis-1.1.12 0.5",
      "kind-control-plane cis-4.2.6 0.5",
      "kind-worker cis-4.2.1 0.5",
      "kind-worker cis-4.2.6 0.5",
    ]);
  });

  it("carries the audit, expected result and remediation of a failed check", () => {
    const finding = findings.find((f) => f.checkId === "cis-1.1.12");
    expect(finding).toMatchObject({
      title: "Ensure that the etcd data directory ownership is set to etcd:etcd (Scored)",
      evidence: {
        section: "1.1 Master Node Configuration Files",
        expectedResult: "'etcd:etcd' is present",
        actualValue: "root:root\n",
        status: "FAIL",
      },
    });
    expect(finding?.remediation).toContain("chown etcd:etcd /var/lib/etcd");
    expect(finding?.description).toContain("Expected: 'etcd:etcd' is present.");
    // Worker checks are the user's to fix: no managed-service caveat there.
    const worker = findings.find((f) => f.checkId === "cis-4.2.1");
    expect(worker?.remediation).not.toContain("managed Kubernetes service");
  });

  it("sums the totals per node, with the shared policies on the cluster", () => {
    expect(meta?.totalsByNode).toEqual({
      "kind-control-plane": { pass: 3, fail: 2, warn: 0, info: 0 },
      "kind-worker": { pass: 2, fail: 2, warn: 0, info: 0 },
      cluster: { pass: 0, fail: 0, warn: 1, info: 1 },
    });
    expect(meta?.totals).toEqual({ pass: 5, fail: 4, warn: 1, info: 1 });
  });
});

describe("parseKubeBench edge cases", () => {
  it("reads a node keyed by name with a list of controls or the daemon's {Name, Controls}", () => {
    const list = parseKubeBench({ "node-a": [controls("node", [check("4.2.1", "FAIL")])] });
    expect(list.findings[0].resource.name).toBe("node-a");
    const model = parseKubeBench({
      "10.0.0.7": { Name: "node-b", Controls: [controls("node", [check("4.2.1", "WARN")])] },
    });
    expect(model.findings[0].resource.name).toBe("node-b");
    expect(model.meta?.totalsByNode).toEqual({ "node-b": { pass: 0, fail: 0, warn: 1, info: 0 } });
  });

  it("counts results when a control carries no totals, and falls back to the cluster without a node type", () => {
    const { findings, meta } = parseKubeBench({
      Controls: [{ ...controls("", [check("4.2.1", "PASS"), check("4.2.2", "INFO"), check("4.2.3", "FAIL")]) }],
    });
    expect(findings.map((f) => f.resource.name)).toEqual(["cluster"]);
    expect(meta?.totals).toEqual({ pass: 1, fail: 1, warn: 0, info: 1 });
  });

  it("falls back to test_info, then to the benchmark, when the remediation is empty", () => {
    const { findings } = parseKubeBench([
      controls("node", [
        check("4.2.1", "FAIL", { remediation: "", test_info: ["Set it in the kubelet config."] }),
        check("4.2.2", "FAIL", { remediation: null, test_info: null }),
      ]),
    ]);
    expect(findings[0].remediation).toBe("Set it in the kubelet config.");
    expect(findings[1].remediation).toBe("Follow recommendation 4.2.2 of the CIS Kubernetes Benchmark 1.5.");
  });

  it("keeps long audit output short in the evidence", () => {
    const { findings } = parseKubeBench([
      controls("node", [check("4.2.1", "FAIL", { actual_value: "x".repeat(2000) })]),
    ]);
    expect(String(findings[0].evidence.actualValue)).toHaveLength(500 + " (1500 more characters)".length + 1);
  });

  it("accepts empty reports and unknown fields", () => {
    expect(parseKubeBench({})).toEqual({
      findings: [],
      meta: { totals: { pass: 0, fail: 0, warn: 0, info: 0 }, totalsByNode: {}, benchmarkVersions: [] },
    });
    expect(parseKubeBench({ Controls: null }).findings).toEqual([]);
    expect(
      parseKubeBench({ "n/4": { ...controls("node", [check("4.2.1", "FAIL", { new: 1 })]), extra: true } }).findings,
    ).toHaveLength(1);
  });

  it("names the path of a wrong shape", () => {
    expect(shapeErrorPath("x")).toBe("(root)");
    expect(shapeErrorPath({ Controls: [{}] })).toBe("Controls[0].id");
    expect(shapeErrorPath({ "kind-worker/4": { ...controls("node", [{ test_number: "4.1.1" }]) } })).toBe(
      '["kind-worker/4"].tests[0].results[0].status',
    );
    expect(shapeErrorPath({ node: 5 })).toBe("node");
    expect(shapeErrorPath({ node: { Controls: "x" } })).toBe("node.Controls");
  });
});

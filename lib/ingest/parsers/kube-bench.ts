import { z } from "zod";
import { parseReportShape, truncateText } from "./report-shape";
import { ReportShapeError, type TParsedFinding, type TParseResult } from "./types";

// Follows aquasecurity/kube-bench check/controls.go (Controls, Group, Summary) and check/check.go (Check).
const ZCount = z.number().nullish();

const ZCheck = z.object({
  test_number: z.string(),
  test_desc: z.string().nullish(),
  audit: z.string().nullish(),
  type: z.string().nullish(),
  remediation: z.string().nullish(),
  test_info: z.array(z.string()).nullish(),
  status: z.string(),
  actual_value: z.string().nullish(),
  scored: z.boolean().nullish(),
  expected_result: z.string().nullish(),
  reason: z.string().nullish(),
});
type TCheck = z.output<typeof ZCheck>;

const ZControls = z.object({
  id: z.string(),
  version: z.string().nullish(),
  text: z.string().nullish(),
  node_type: z.string().nullish(),
  tests: z
    .array(z.object({ section: z.string(), desc: z.string().nullish(), results: z.array(ZCheck).nullish() }))
    .nullish(),
  total_pass: ZCount,
  total_fail: ZCount,
  total_warn: ZCount,
  total_info: ZCount,
});
type TControls = z.output<typeof ZControls>;

const ZTotals = z.object({ total_pass: ZCount, total_fail: ZCount, total_warn: ZCount, total_info: ZCount });

/** Raw `kube-bench --json`: {Controls, Totals}. */
const ZRawReport = z.object({ Controls: z.array(ZControls).nullable(), Totals: ZTotals.nullish() });
/** One node as served by the agent's kube-bench daemon (kubeBenchModel in insights-plugins). */
const ZNodeModel = z.object({ Name: z.string().nullish(), Controls: z.array(ZControls).nullable() });

export type TBenchTotals = { pass: number; fail: number; warn: number; info: number };

// Fairwinds does not publish its kube-bench scoring: a failed CIS check is medium, a check kube-bench could
// not verify (WARN, mostly manual checks) is low, PASS and INFO are not findings.
const STATUS_SEVERITY: Record<string, number> = { FAIL: 0.5, WARN: 0.25 };

/** The cluster-wide pseudo-node for checks that belong to no node (the Policies section). */
export const CLUSTER_NODE = "cluster";
const CONTROL_PLANE_TYPES = new Set(["master", "controlplane", "etcd"]);

type TNodeControls = { node: string; controls: TControls };

function nodeOfType(nodeType: string | null | undefined): string {
  return !nodeType || nodeType === "policies" ? CLUSTER_NODE : nodeType;
}

/** Accepts raw `--json` output and the agent's node-keyed map; returns each control with its node. */
function readControls(report: unknown): { items: TNodeControls[]; reportedTotals: TBenchTotals | null } {
  if (Array.isArray(report)) {
    const controls = parseReportShape(z.array(ZControls), report);
    return { items: controls.map((c) => ({ node: nodeOfType(c.node_type), controls: c })), reportedTotals: null };
  }
  if (typeof report !== "object" || report === null) {
    throw new ReportShapeError("(root)", "expected kube-bench JSON: an object with Controls, or a map of nodes");
  }
  if ("Controls" in report) {
    const raw = parseReportShape(ZRawReport, report);
    return {
      items: (raw.Controls ?? []).map((c) => ({ node: nodeOfType(c.node_type), controls: c })),
      reportedTotals: raw.Totals ? totalsFrom(raw.Totals) : null,
    };
  }
  const items: TNodeControls[] = [];
  for (const [key, value] of Object.entries(report)) {
    if (Array.isArray(value)) {
      for (const c of parseReportShape(z.array(ZControls), value, [key])) items.push({ node: key, controls: c });
    } else if (typeof value === "object" && value !== null && "Controls" in value) {
      const model = parseReportShape(ZNodeModel, value, [key]);
      for (const c of model.Controls ?? []) items.push({ node: model.Name || key, controls: c });
    } else {
      const c = parseReportShape(ZControls, value, [key]);
      // The agent keys "<node>/<control id>"; the Policies control ("5") is shared and keyed by its id alone.
      const slash = key.lastIndexOf("/");
      const node = slash > 0 ? key.slice(0, slash) : key === c.id ? CLUSTER_NODE : key;
      items.push({ node, controls: c });
    }
  }
  return { items, reportedTotals: null };
}

function totalsFrom(t: z.output<typeof ZTotals>): TBenchTotals {
  return { pass: t.total_pass ?? 0, fail: t.total_fail ?? 0, warn: t.total_warn ?? 0, info: t.total_info ?? 0 };
}

/** A control's own totals when kube-bench wrote them (they cover checks trimmed from the output), else a count. */
function controlTotals(c: TControls): TBenchTotals {
  const count = (status: string) =>
    (c.tests ?? []).reduce((n, g) => n + (g.results ?? []).filter((r) => r.status.toUpperCase() === status).length, 0);
  return {
    pass: c.total_pass ?? count("PASS"),
    fail: c.total_fail ?? count("FAIL"),
    warn: c.total_warn ?? count("WARN"),
    info: c.total_info ?? count("INFO"),
  };
}

function addTotals(a: TBenchTotals, b: TBenchTotals): TBenchTotals {
  return { pass: a.pass + b.pass, fail: a.fail + b.fail, warn: a.warn + b.warn, info: a.info + b.info };
}

function toFinding(node: string, c: TControls, section: { section: string; desc?: string | null }, check: TCheck) {
  const status = check.status.toUpperCase();
  const benchmark = `CIS Kubernetes Benchmark${c.version ? ` ${c.version}` : ""}`;
  const where = node === CLUSTER_NODE ? "the cluster" : `node ${node}`;
  const title = check.test_desc?.trim() || `CIS check ${check.test_number}`;
  const explanation =
    status === "FAIL"
      ? `kube-bench audited ${where} and the result did not match what the benchmark expects.` +
        (check.expected_result ? ` Expected: ${check.expected_result}.` : "")
      : `kube-bench could not verify this check automatically on ${where}${check.reason ? ` (${check.reason.trim()})` : ""}, so it needs a manual review.`;
  const description = [
    `${benchmark}, ${c.text ?? `section ${c.id}`} › ${section.section} ${section.desc ?? ""}`.trim() + ".",
    explanation,
  ].join(" ");

  const steps = (check.remediation ?? "").trim() || (check.test_info ?? []).join("\n").trim();
  const remediation = [
    status === "WARN" ? "Review this by hand." : "",
    steps || `Follow recommendation ${check.test_number} of the ${benchmark}.`,
    CONTROL_PLANE_TYPES.has(c.node_type ?? "")
      ? "On a managed Kubernetes service (EKS, GKE, AKS) the provider runs the control plane and you cannot change this setting: resolve the finding as working as intended."
      : "",
  ]
    .filter(Boolean)
    .join("\n\n");

  return {
    checkId: `cis-${check.test_number}`,
    title,
    description,
    remediation,
    category: "compliance",
    severity: STATUS_SEVERITY[status],
    // Controls about the control plane as a whole are not about a node: kind "Cluster" keeps them
    // apart from real nodes, which the workloads inventory tracks (and marks removed).
    resource: { namespace: "", kind: node === CLUSTER_NODE ? "Cluster" : "Node", name: node, container: "" },
    evidence: {
      benchmarkVersion: c.version ?? "",
      control: `${c.id} ${c.text ?? ""}`.trim(),
      nodeType: c.node_type ?? "",
      section: `${section.section} ${section.desc ?? ""}`.trim(),
      testNumber: check.test_number,
      status,
      scored: check.scored ?? null,
      audit: truncateText(check.audit ?? "", 500),
      expectedResult: check.expected_result ?? "",
      actualValue: truncateText(check.actual_value ?? "", 500),
      ...(check.reason ? { reason: check.reason.trim() } : {}),
    },
  } satisfies TParsedFinding;
}

/**
 * kube-bench → a compliance finding per FAIL (medium) and WARN (low) check, on the node it ran on.
 * meta.totalsByNode carries pass/fail/warn/info per node for the compliance page.
 */
export function parseKubeBench(report: unknown): TParseResult {
  const { items, reportedTotals } = readControls(report);
  const findings: TParsedFinding[] = [];
  const totalsByNode: Record<string, TBenchTotals> = {};
  let sum: TBenchTotals = { pass: 0, fail: 0, warn: 0, info: 0 };
  for (const { node, controls } of items) {
    const totals = controlTotals(controls);
    totalsByNode[node] = addTotals(totalsByNode[node] ?? { pass: 0, fail: 0, warn: 0, info: 0 }, totals);
    sum = addTotals(sum, totals);
    for (const section of controls.tests ?? []) {
      for (const check of section.results ?? []) {
        if (STATUS_SEVERITY[check.status.toUpperCase()] === undefined) continue;
        findings.push(toFinding(node, controls, section, check));
      }
    }
  }
  const versions = [...new Set(items.map((i) => i.controls.version).filter((v): v is string => !!v))];
  return {
    findings,
    meta: { totals: reportedTotals ?? sum, totalsByNode, benchmarkVersions: versions },
  };
}

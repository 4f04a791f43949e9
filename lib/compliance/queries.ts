import "server-only";
import { scopeCondition, type TFindingScope } from "@/lib/auth/visibility-scope";
import { pool } from "@/lib/server/db";

// kube-bench (CIS Kubernetes Benchmark) results per cluster, from its findings: one per FAIL or WARN
// check and node. Passing checks are not findings, and ingest keeps no per-check pass counts, so
// only failed and warned checks are shown (the page says so rather than guessing a pass rate).

export type TComplianceOptions = { includeTriaged?: boolean };

type TState = "open" | "snoozed" | "resolved";

export type TComplianceCheck = {
  testNumber: string;
  title: string;
  /** FAIL when it failed on any node, else WARN (kube-bench could not verify it: a manual check). */
  status: "FAIL" | "WARN";
  scored: boolean | null;
  remediation: string;
  expectedResult: string;
  /** Where it was found: nodes, or "cluster" for checks about the cluster as a whole. */
  targets: { findingId: string; kind: string; name: string; status: "FAIL" | "WARN"; state: TState }[];
};

export type TComplianceSection = {
  /** "1.1" */
  id: string;
  /** "Master Node Configuration Files" */
  name: string;
  /** The benchmark part it belongs to: "1 Master Node Security Configuration". */
  control: string;
  failed: number;
  warned: number;
  checks: TComplianceCheck[];
};

export type TClusterCompliance = {
  cluster: { id: string; slug: string; name: string; kubernetesVersion: string | null };
  lastReportAt: Date | null;
  benchmarkVersions: string[];
  /** Nodes with at least one failed or warned check. */
  nodes: string[];
  failed: number;
  warned: number;
  sections: TComplianceSection[];
};

type TRow = {
  id: string;
  cluster_id: string;
  kind: string;
  name: string;
  check_id: string;
  title: string;
  remediation: string;
  state: TState;
  evidence: Record<string, unknown>;
};

type TClusterRow = {
  id: string;
  slug: string;
  name: string;
  kubernetes_version: string | null;
  last_report_at: Date | null;
};

const str = (v: unknown) => (typeof v === "string" ? v : "");

/** Orders "1.1.12" after "1.1.2", like the benchmark does. */
export function compareTestNumbers(a: string, b: string): number {
  const [pa, pb] = [a.split("."), b.split(".")];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const [x, y] = [pa[i] ?? "", pb[i] ?? ""];
    const order = /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : x.localeCompare(y);
    if (order !== 0) return order;
  }
  return 0;
}

function splitHeading(heading: string): { id: string; name: string } {
  const space = heading.indexOf(" ");
  return space > 0 ? { id: heading.slice(0, space), name: heading.slice(space + 1) } : { id: heading, name: "" };
}

/**
 * Failed and warned CIS checks per cluster and section, with their remediation and where they were
 * found. An org-wide caller also gets clusters whose latest kube-bench report has nothing failing;
 * a team member only clusters where their teams have results (a clean card would be misleading when
 * the failures belong to another team).
 */
export async function complianceByCluster(
  scope: TFindingScope,
  options: TComplianceOptions = {},
): Promise<TClusterCompliance[]> {
  const params: unknown[] = [options.includeTriaged ? ["open", "snoozed", "resolved"] : ["open"]];
  const visible = scopeCondition(scope, "f", params);
  const { rows } = await pool.query<TRow>(
    `SELECT f.id, f.cluster_id, f.kind, f.name, f.check_id, f.title, f.remediation, f.state, f.evidence
       FROM findings f
      WHERE ${visible} AND f.source = 'kube-bench' AND f.state = ANY($1::finding_state[])`,
    params,
  );
  const orgWide = scope.teamIds === null && scope.unassigned;
  const clusters = await pool.query<TClusterRow>(
    `SELECT c.id, c.slug, c.name, c.kubernetes_version,
            (SELECT max(r.received_at) FROM reports r
              WHERE r.cluster_id = c.id AND r.type = 'kube-bench' AND r.status = 'processed') AS last_report_at
       FROM clusters c
      WHERE c.org_id = $1 AND (c.id = ANY($2::uuid[]) OR ($3 AND EXISTS (
              SELECT 1 FROM reports r WHERE r.cluster_id = c.id AND r.type = 'kube-bench' AND r.status = 'processed')))
      ORDER BY c.name, c.slug`,
    [scope.orgId, [...new Set(rows.map((r) => r.cluster_id))], orgWide],
  );
  return clusters.rows.map((c) =>
    summarize(
      c,
      rows.filter((r) => r.cluster_id === c.id),
    ),
  );
}

function summarize(c: TClusterRow, rows: readonly TRow[]): TClusterCompliance {
  const sections = new Map<string, TComplianceSection>();
  const checks = new Map<string, TComplianceCheck>();
  for (const r of rows) {
    const e = r.evidence;
    const status = str(e.status) === "FAIL" ? "FAIL" : "WARN";
    const heading = splitHeading(str(e.section) || "(no section)");
    const section = sections.get(heading.id) ?? {
      ...heading,
      control: str(e.control),
      failed: 0,
      warned: 0,
      checks: [],
    };
    sections.set(heading.id, section);
    const testNumber = str(e.testNumber) || r.check_id.replace(/^cis-/, "");
    let check = checks.get(testNumber);
    if (!check) {
      check = {
        testNumber,
        title: r.title,
        status,
        scored: typeof e.scored === "boolean" ? e.scored : null,
        remediation: r.remediation,
        expectedResult: str(e.expectedResult),
        targets: [],
      };
      checks.set(testNumber, check);
      section.checks.push(check);
    }
    if (status === "FAIL") check.status = "FAIL";
    check.targets.push({ findingId: r.id, kind: r.kind, name: r.name, status, state: r.state });
  }
  for (const section of sections.values()) {
    section.checks.sort((a, b) => compareTestNumbers(a.testNumber, b.testNumber));
    for (const check of section.checks) check.targets.sort((a, b) => a.name.localeCompare(b.name));
    section.failed = section.checks.filter((k) => k.status === "FAIL").length;
    section.warned = section.checks.length - section.failed;
  }
  const list = [...sections.values()].sort((a, b) => compareTestNumbers(a.id, b.id));
  return {
    cluster: { id: c.id, slug: c.slug, name: c.name, kubernetesVersion: c.kubernetes_version },
    lastReportAt: c.last_report_at,
    benchmarkVersions: [...new Set(rows.map((r) => str(r.evidence.benchmarkVersion)).filter(Boolean))].sort(),
    nodes: [...new Set(rows.filter((r) => r.kind === "Node").map((r) => r.name))].sort(),
    failed: list.reduce((n, s) => n + s.failed, 0),
    warned: list.reduce((n, s) => n + s.warned, 0),
    sections: list,
  };
}

/** Whether any cluster of the org has sent a kube-bench report. */
export async function hasKubeBenchReport(orgId: string): Promise<boolean> {
  const { rows } = await pool.query<{ any: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM reports WHERE org_id = $1 AND type = 'kube-bench' AND status = 'processed') AS any`,
    [orgId],
  );
  return rows[0].any;
}

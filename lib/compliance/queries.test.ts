import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { authorizeOrg } from "@/lib/auth/access";
import { findingScopeOf, type TFindingScope } from "@/lib/auth/visibility-scope";
import { processReport } from "@/lib/worker/process-report";
import { storeReport } from "@/lib/ingest/store-report";
import { pool } from "@/lib/server/db";
import { addTeamMember, createMember, createTestCluster, createTestOrg, createTestTeam } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import { compareTestNumbers, complianceByCluster, hasKubeBenchReport } from "./queries";

type TJson = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const read = (p: string) => readFileSync(path.resolve(process.cwd(), p), "utf8");
const RAW = read("../shared/fixtures/kube-bench/result.json");
const AGENT = read("lib/ingest/parsers/fixtures/kube-bench-agent.json");

/** The agent's report with every check passing. */
function allPassing(): Buffer {
  const json = JSON.parse(AGENT) as TJson;
  for (const controls of Object.values(json) as TJson[]) {
    for (const t of controls.tests) for (const r of t.results) r.status = "PASS";
  }
  return Buffer.from(JSON.stringify(json));
}

async function upload(orgId: string, clusterId: string, body: Buffer | string) {
  const stored = await storeReport({
    orgId,
    clusterId,
    type: "kube-bench",
    body: Buffer.from(body),
    headers: new Headers(),
  });
  expect((await processReport(stored.reportId))?.status).toBe("processed");
}

async function scopeOf(user: { id: string; email: string }, slug: string): Promise<TFindingScope> {
  signInAs({ id: user.id, email: user.email, name: "" });
  return findingScopeOf(await authorizeOrg(slug));
}

let orgId: string;
let admin: TFindingScope;
let workerTeamDev: TFindingScope;
let otherAdmin: TFindingScope;

beforeAll(async () => {
  const org = await createTestOrg();
  orgId = org.id;
  const nodes = await createTestTeam(org.id, {
    rules: [{ effect: "include", cluster: "*", namespace: "*", kind: "Node", name: "kind-worker" }],
  });
  const raw = await createTestCluster(org.id, { slug: "raw", name: "A raw run" });
  const kind = await createTestCluster(org.id, { slug: "kind", name: "B kind" });
  const clean = await createTestCluster(org.id, { slug: "clean", name: "C clean" });
  await upload(org.id, raw.id, RAW);
  await upload(org.id, kind.id, AGENT);
  await upload(org.id, clean.id, allPassing());
  await createTestCluster(org.id, { slug: "silent", name: "D silent" });

  const dev = await createMember(org.id, "member");
  await addTeamMember(org.id, nodes.id, dev.id, "viewer");
  admin = await scopeOf(await createMember(org.id, "admin"), org.slug);
  workerTeamDev = await scopeOf(dev, org.slug);

  const other = await createTestOrg();
  await upload(other.id, (await createTestCluster(other.id, { slug: "kind" })).id, AGENT);
  otherAdmin = await scopeOf(await createMember(other.id, "admin"), other.slug);
}, 120_000);

describe("compliance (kube-bench)", () => {
  it("counts failed and warned checks per section and cluster, with remediation and where they failed", async () => {
    const clusters = await complianceByCluster(admin);
    expect(clusters.map((c) => c.cluster.slug)).toEqual(["raw", "kind", "clean"]);
    const kind = clusters[1];
    expect(kind).toMatchObject({ failed: 3, warned: 1, benchmarkVersions: ["1.5"] });
    expect(kind.nodes).toEqual(["kind-control-plane", "kind-worker"]);
    expect(kind.lastReportAt).toBeInstanceOf(Date);
    expect(kind.sections.map((s) => [s.id, s.name, s.failed, s.warned])).toEqual([
      ["1.1", "Master Node Configuration Files", 1, 0],
      ["4.2", "Kubelet", 2, 0],
      ["5.1", "RBAC and Service Accounts", 0, 1],
    ]);
    const kubelet = kind.sections[1];
    expect(kubelet.control).toMatch(/^4 /);
    expect(kubelet.checks.map((c) => c.testNumber)).toEqual(["4.2.1", "4.2.6"]);
    const protectKernel = kubelet.checks[1];
    expect(protectKernel.status).toBe("FAIL");
    expect(protectKernel.remediation.length).toBeGreaterThan(20);
    expect(protectKernel.targets.map((t) => `${t.kind}/${t.name}`)).toEqual([
      "Node/kind-control-plane",
      "Node/kind-worker",
    ]);
    const policies = kind.sections[2].checks[0];
    expect(policies).toMatchObject({ testNumber: "5.1.1", status: "WARN", scored: false });
    expect(policies.targets).toMatchObject([{ kind: "Cluster", name: "cluster" }]);
  });

  it("counts what kube-bench's raw output lists, not the totals it claims for trimmed checks", async () => {
    const raw = (await complianceByCluster(admin))[0];
    const listed = (JSON.parse(RAW) as TJson).Controls.flatMap((c: TJson) =>
      c.tests.flatMap((t: TJson) => t.results.filter((r: TJson) => r.status === "WARN" || r.status === "FAIL")),
    );
    expect(raw.failed + raw.warned).toBe(listed.length);
  });

  it("shows a clean cluster to org admins only, and a team only the nodes it owns", async () => {
    const clean = (await complianceByCluster(admin)).find((c) => c.cluster.slug === "clean")!;
    expect(clean).toMatchObject({ failed: 0, warned: 0, sections: [] });
    const mine = await complianceByCluster(workerTeamDev);
    expect(mine.map((c) => c.cluster.slug)).toEqual(["kind"]);
    expect(mine[0].sections.flatMap((s) => s.checks.map((c) => c.testNumber))).toEqual(["4.2.1", "4.2.6"]);
    expect(mine[0].sections[0].checks[1].targets.map((t) => t.name)).toEqual(["kind-worker"]);
  });

  it("leaves resolved checks out unless asked, and never shows another org's", async () => {
    const { rows } = await pool.query<{ id: string }>(
      `SELECT id FROM findings WHERE org_id = $1 AND check_id = 'cis-4.2.1'`,
      [orgId],
    );
    await pool.query(`UPDATE findings SET resolution = 'working_as_intended' WHERE id = $1`, [rows[0].id]);
    try {
      const open = (await complianceByCluster(workerTeamDev))[0];
      expect(open.sections[0].checks.map((c) => c.testNumber)).toEqual(["4.2.6"]);
      const all = (await complianceByCluster(workerTeamDev, { includeTriaged: true }))[0];
      expect(all.sections[0].checks[0].targets[0].state).toBe("resolved");
    } finally {
      await pool.query(`UPDATE findings SET resolution = NULL WHERE id = $1`, [rows[0].id]);
    }
    const theirs = await complianceByCluster(otherAdmin);
    expect(theirs).toHaveLength(1);
    const ours = (await complianceByCluster(admin)).map((c) => c.cluster.id);
    expect(ours).not.toContain(theirs[0].cluster.id);
    expect(await hasKubeBenchReport(orgId)).toBe(true);
    expect(await hasKubeBenchReport((await createTestOrg()).id)).toBe(false);
  });

  it("orders CIS test numbers numerically", () => {
    expect(["1.1.12", "1.1.2", "1.10.1", "1.2"].sort(compareTestNumbers)).toEqual(["1.1.2", "1.1.12", "1.2", "1.10.1"]);
  });
});

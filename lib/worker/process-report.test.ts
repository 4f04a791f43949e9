import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { pool } from "@/lib/server/db";
import { createTestCluster, createTestOrg, createTestTeam, createTestUser } from "@/lib/testing/factories";
import { setTeamScope } from "@/lib/teams/set-team-scope";
import { storeReport } from "@/lib/ingest/store-report";
import { processPendingReports, processReport } from "./process-report";
import { refreshStaleFindingOwners } from "./stale-owners";
import { storeAndProcess } from "@/lib/testing/reports";

const fixture = (p: string) => readFileSync(path.resolve(process.cwd(), p));
const POLARIS = fixture("../shared/fixtures/polaris/audit-dashboard-sample.json");
const TRIVY = fixture("../shared/fixtures/trivy-insights/v0.26-latest.json");
const WORKLOADS = fixture("lib/ingest/parsers/fixtures/workloads-report.json");

type TJson = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function mutate(body: Buffer, change: (json: TJson) => void): Buffer {
  const json = JSON.parse(body.toString("utf8")) as TJson;
  change(json);
  return Buffer.from(JSON.stringify(json));
}

type TFindingRow = {
  id: string;
  check_id: string;
  kind: string;
  namespace: string;
  name: string;
  container: string;
  status: string;
  resolution: string | null;
  reopened_count: number;
  owner_team_id: string | null;
  fixed_at: Date | null;
  resource_id: string | null;
};

async function findingsOf(clusterId: string, source: string) {
  const { rows } = await pool.query<TFindingRow>(
    `SELECT id, check_id, kind, namespace, name, container, status, resolution, reopened_count, owner_team_id,
            fixed_at, resource_id
       FROM findings WHERE cluster_id = $1 AND source = $2 ORDER BY namespace, name, container, check_id`,
    [clusterId, source],
  );
  return rows;
}

async function eventsOf(findingId: string) {
  const { rows } = await pool.query<{ kind: string }>(
    `SELECT kind FROM finding_events WHERE finding_id = $1 ORDER BY created_at, kind`,
    [findingId],
  );
  return rows.map((r) => r.kind);
}

const coredns = (f: TFindingRow) => f.name === "coredns" && f.check_id === "cpuLimitsMissing";

describe("processing a Polaris report", () => {
  let orgId: string;
  let clusterId: string;
  beforeEach(async () => {
    orgId = (await createTestOrg()).id;
    clusterId = (await createTestCluster(orgId, { slug: "prod" })).id;
  });

  it("opens one finding per failed check, with an event each and the resources they are about", async () => {
    const { outcome } = await storeAndProcess(orgId, clusterId, "polaris", POLARIS);
    expect(outcome).toMatchObject({ status: "processed", summary: { findings: 29, opened: 29, fixed: 0 } });
    const findings = await findingsOf(clusterId, "polaris");
    expect(findings).toHaveLength(29);
    expect(findings.every((f) => f.status === "open" && f.resource_id)).toBe(true);
    const events = await pool.query(`SELECT count(*)::int AS n FROM finding_events WHERE org_id = $1`, [orgId]);
    expect(events.rows[0].n).toBe(29);
    const report = await pool.query(`SELECT status, processed_at FROM reports WHERE cluster_id = $1`, [clusterId]);
    expect(report.rows[0].status).toBe("processed");
    expect(report.rows[0].processed_at).toBeInstanceOf(Date);
  });

  it("goes A → B → A: fixed when gone, reopened when back, with the whole history", async () => {
    await storeAndProcess(orgId, clusterId, "polaris", POLARIS);
    const fixedInB = mutate(POLARIS, (json) => {
      json.Results[3].PodResult.ContainerResults[0].Results.cpuLimitsMissing.Success = true;
    });
    const b = await storeAndProcess(orgId, clusterId, "polaris", fixedInB);
    expect(b.outcome?.summary).toMatchObject({ findings: 28, opened: 0, fixed: 1, reopened: 0 });
    let finding = (await findingsOf(clusterId, "polaris")).find(coredns)!;
    expect(finding.status).toBe("fixed");
    expect(finding.fixed_at).toBeInstanceOf(Date);
    // Last seen in report A; the 28 findings still open were not rewritten by B.
    const seen = await pool.query(
      `SELECT f.last_seen_at, r.received_at, (SELECT count(*)::int FROM findings
          WHERE cluster_id = $1 AND status = 'open' AND last_report_id = $3) AS rewritten
         FROM findings f, reports r WHERE f.id = $2 AND r.cluster_id = $1 AND r.sha256 = encode(sha256($4::bytea), 'hex')`,
      [clusterId, finding.id, b.stored.reportId, POLARIS],
    );
    expect(seen.rows[0].last_seen_at).toEqual(seen.rows[0].received_at);
    expect(seen.rows[0].rewritten).toBe(0);

    // The same bytes as the first upload, but after B: a new state of the cluster, not a retry.
    const again = await storeAndProcess(orgId, clusterId, "polaris", POLARIS);
    expect(again.stored.duplicate).toBe(false);
    expect(again.outcome?.summary).toMatchObject({ findings: 29, opened: 0, reopened: 1, fixed: 0 });
    finding = (await findingsOf(clusterId, "polaris")).find(coredns)!;
    expect(finding).toMatchObject({ status: "open", reopened_count: 1, fixed_at: null });
    expect(await eventsOf(finding.id)).toEqual(["opened", "fixed", "reopened"]);
    expect(await findingsOf(clusterId, "polaris")).toHaveLength(29);
  });

  it("changes nothing on a retried identical upload", async () => {
    await storeAndProcess(orgId, clusterId, "polaris", POLARIS);
    const retry = await storeAndProcess(orgId, clusterId, "polaris", POLARIS);
    expect(retry.stored.duplicate).toBe(true);
    const counts = await pool.query(
      `SELECT (SELECT count(*) FROM reports WHERE cluster_id = $1)::int AS reports,
              (SELECT count(*) FROM finding_events WHERE org_id = $2)::int AS events`,
      [clusterId, orgId],
    );
    expect(counts.rows[0]).toEqual({ reports: 1, events: 29 });
  });

  it("keeps triage (resolution, snooze, assignee) across new reports", async () => {
    await storeAndProcess(orgId, clusterId, "polaris", POLARIS);
    const target = (await findingsOf(clusterId, "polaris")).find(coredns)!;
    const until = new Date(Date.now() + 86_400_000);
    await pool.query(
      `UPDATE findings SET resolution = 'will_not_fix', resolution_reason = 'legacy', snoozed_until = $2 WHERE id = $1`,
      [target.id, until],
    );
    await storeAndProcess(
      orgId,
      clusterId,
      "polaris",
      mutate(POLARIS, (json) => (json.AuditTime = "2026-11-25T00:00:00Z")),
    );
    const after = await pool.query(`SELECT resolution, resolution_reason, snoozed_until FROM findings WHERE id = $1`, [
      target.id,
    ]);
    expect(after.rows[0]).toEqual({ resolution: "will_not_fix", resolution_reason: "legacy", snoozed_until: until });
  });

  it("marks findings removed when their workload leaves the inventory", async () => {
    // An inventory holding every workload the Polaris report names.
    const polarisWorkloads = (JSON.parse(POLARIS.toString("utf8")) as TJson).Results as TJson[];
    const complete = mutate(WORKLOADS, (json) => {
      const template = json.Controllers[0];
      const extra = polarisWorkloads.map((r) => ({ ...template, Kind: r.Kind, Namespace: r.Namespace, Name: r.Name }));
      json.Controllers = [...json.Controllers.filter((c: TJson) => c.Name !== "coredns"), ...extra];
    });
    await storeAndProcess(orgId, clusterId, "workloads", complete);
    await storeAndProcess(orgId, clusterId, "polaris", POLARIS);
    const withoutCoredns = mutate(complete, (json) => {
      json.Controllers = json.Controllers.filter((c: TJson) => c.Name !== "coredns");
    });
    const inventory = await storeAndProcess(orgId, clusterId, "workloads", withoutCoredns);
    expect(inventory.outcome?.summary).toMatchObject({ resourcesRemoved: 1, findingsRemoved: 3 });
    const findings = await findingsOf(clusterId, "polaris");
    expect(findings.filter((f) => f.name === "coredns").map((f) => f.status)).toEqual([
      "removed",
      "removed",
      "removed",
    ]);
    expect(findings.filter((f) => f.status === "open")).toHaveLength(26);
    const resource = await pool.query(
      `SELECT removed_at FROM resources WHERE cluster_id = $1 AND kind = 'Deployment' AND name = 'coredns'`,
      [clusterId],
    );
    expect(resource.rows[0].removed_at).toBeInstanceOf(Date);
  });

  it("keeps a report that does not fit its type as failed, with the path, and writes nothing", async () => {
    const { outcome } = await storeAndProcess(orgId, clusterId, "polaris", Buffer.from('{"Results":[{"Kind":5}]}'));
    expect(outcome).toMatchObject({ status: "failed" });
    expect(outcome?.error).toMatch(/Results\[0\]/);
    expect(await findingsOf(clusterId, "polaris")).toHaveLength(0);
    const report = await pool.query(`SELECT status, error FROM reports WHERE cluster_id = $1`, [clusterId]);
    expect(report.rows[0]).toMatchObject({ status: "failed", error: expect.stringMatching(/Results\[0\]/) });
  });

  it("applies only the newest of two reports received before processing", async () => {
    const first = await storeReport({ orgId, clusterId, type: "polaris", body: POLARIS, headers: new Headers() });
    const newer = mutate(POLARIS, (json) => {
      json.Results[3].PodResult.ContainerResults[0].Results.cpuLimitsMissing.Success = true;
    });
    const second = await storeReport({ orgId, clusterId, type: "polaris", body: newer, headers: new Headers() });
    expect((await processReport(second.reportId))?.summary).toMatchObject({ findings: 28 });
    expect((await processReport(first.reportId))?.summary).toEqual({ superseded: true });
    expect((await findingsOf(clusterId, "polaris")).filter((f) => f.status === "open")).toHaveLength(28);
  });

  it("never loses or doubles a finding when reports of one cluster and type race", async () => {
    const bodies = [0, 1, 2, 3].map((i) => mutate(POLARIS, (json) => (json.AuditTime = `2026-11-2${i}T00:00:00Z`)));
    for (const body of bodies) await storeReport({ orgId, clusterId, type: "polaris", body, headers: new Headers() });
    const mine = { clusterId };
    await Promise.all([processPendingReports(mine), processPendingReports(mine), processPendingReports(mine)]);
    const findings = await findingsOf(clusterId, "polaris");
    expect(findings).toHaveLength(29);
    expect(findings.every((f) => f.status === "open")).toBe(true);
    const statuses = await pool.query(`SELECT DISTINCT status FROM reports WHERE cluster_id = $1`, [clusterId]);
    expect(statuses.rows).toEqual([{ status: "processed" }]);
  });

  it("keeps each org's findings apart, even from identical reports", async () => {
    const otherOrg = (await createTestOrg()).id;
    const otherCluster = (await createTestCluster(otherOrg, { slug: "prod" })).id;
    await storeAndProcess(orgId, clusterId, "polaris", POLARIS);
    await storeAndProcess(otherOrg, otherCluster, "polaris", POLARIS);
    const crossed = await pool.query(
      `SELECT count(*)::int AS n FROM findings f JOIN resources r ON r.id = f.resource_id WHERE f.org_id <> r.org_id`,
    );
    expect(crossed.rows[0].n).toBe(0);
    const shared = await pool.query(
      `SELECT count(*)::int AS n FROM findings a JOIN findings b ON a.fingerprint = b.fingerprint
        WHERE a.org_id = $1 AND b.org_id = $2`,
      [orgId, otherOrg],
    );
    expect(shared.rows[0].n).toBe(0);
  });
});

describe("ownership of findings", () => {
  it("gives findings the team owning their workload, and follows scope edits in the background", async () => {
    const org = await createTestOrg();
    const cluster = await createTestCluster(org.id, { slug: "prod" });
    const platform = await createTestTeam(org.id);
    const user = await createTestUser();
    const actor = { userId: user.id, label: user.email };
    await setTeamScope(org.id, actor, platform.id, [
      { effect: "include", cluster: "*", namespace: "kube-system", kind: "*", name: "*", labels: {} },
    ]);
    await storeAndProcess(org.id, cluster.id, "polaris", POLARIS);
    const owned = (await findingsOf(cluster.id, "polaris")).filter((f) => f.owner_team_id === platform.id);
    expect(owned).toHaveLength(18);

    await setTeamScope(org.id, actor, platform.id, [
      { effect: "include", cluster: "*", namespace: "local-path-storage", kind: "*", name: "*", labels: {} },
    ]);
    const flagged = await pool.query(`SELECT finding_owners_stale_since FROM organizations WHERE id = $1`, [org.id]);
    expect(flagged.rows[0].finding_owners_stale_since).toBeInstanceOf(Date);
    await refreshStaleFindingOwners();
    const after = (await findingsOf(cluster.id, "polaris")).filter((f) => f.owner_team_id === platform.id);
    expect(after.map((f) => f.namespace)).toEqual(Array(11).fill("local-path-storage"));
    const cleared = await pool.query(`SELECT finding_owners_stale_since FROM organizations WHERE id = $1`, [org.id]);
    expect(cleared.rows[0].finding_owners_stale_since).toBeNull();
  });
});

describe("processing a Trivy report", () => {
  it("stores each image once, links the workloads running it, and opens one finding per image and CVE", async () => {
    const org = await createTestOrg();
    const cluster = await createTestCluster(org.id, { slug: "prod" });
    const { outcome } = await storeAndProcess(org.id, cluster.id, "trivy", TRIVY);
    expect(outcome?.status).toBe("processed");
    const summary = outcome!.summary as { images: number; findings: number; vulnerabilities: number };
    expect(summary.images).toBe(18);

    const counts = await pool.query(
      `SELECT (SELECT count(*) FROM images WHERE org_id = $1)::int AS images,
              (SELECT count(*) FROM vulnerabilities WHERE org_id = $1)::int AS catalog,
              (SELECT count(*) FROM image_workloads WHERE cluster_id = $2)::int AS links,
              (SELECT count(*) FROM findings WHERE cluster_id = $2 AND source = 'trivy')::int AS findings,
              (SELECT count(DISTINCT (image_id, vulnerability_id)) FROM findings WHERE cluster_id = $2)::int AS pairs`,
      [org.id, cluster.id],
    );
    expect(counts.rows[0]).toMatchObject({ images: 18, catalog: summary.vulnerabilities, findings: summary.findings });
    expect(counts.rows[0].pairs).toBe(summary.findings);
    expect(counts.rows[0].links).toBeGreaterThan(0);

    // Drop one image (nothing runs it any more) and one CVE of another image (fixed).
    const source = JSON.parse(TRIVY.toString("utf8")) as TJson;
    const withVulns = source.Images.filter((i: TJson) => i.Report?.some((r: TJson) => r.Vulnerabilities?.length));
    const dropped = withVulns[0];
    const patched = withVulns[1];
    const patchedTarget = patched.Report.find((r: TJson) => r.Vulnerabilities?.length);
    const removedCve = patchedTarget.Vulnerabilities[0].VulnerabilityID as string;
    const next = mutate(TRIVY, (json) => {
      json.Images = json.Images.filter((i: TJson) => i.ID !== dropped.ID || i.Name !== dropped.Name);
      const image = json.Images.find((i: TJson) => i.ID === patched.ID && i.Name === patched.Name);
      for (const r of image.Report)
        r.Vulnerabilities = r.Vulnerabilities?.filter((v: TJson) => v.VulnerabilityID !== removedCve);
    });
    const second = await storeAndProcess(org.id, cluster.id, "trivy", next);
    const s2 = second.outcome!.summary as { fixed: number; removed: number };
    expect(s2.fixed).toBe(1);
    expect(s2.removed).toBeGreaterThan(0);
    const statuses = await pool.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM findings WHERE cluster_id = $1 GROUP BY status`,
      [cluster.id],
    );
    const by = Object.fromEntries(statuses.rows.map((r) => [r.status, r.n]));
    expect(by.fixed).toBe(1);
    expect(by.removed).toBe(s2.removed);
  });
});

describe("processing a kube-bench report", () => {
  it("keeps the parser's totals (passed controls too) with the report", async () => {
    const org = await createTestOrg();
    const cluster = await createTestCluster(org.id, { slug: "prod" });
    const body = fixture("lib/ingest/parsers/fixtures/kube-bench-agent.json");
    const { outcome } = await storeAndProcess(org.id, cluster.id, "kube-bench", body);
    expect(outcome?.status).toBe("processed");
    const stored = await pool.query<{ summary: { meta?: { totals?: { pass: number } } } }>(
      `SELECT summary FROM reports WHERE cluster_id = $1`,
      [cluster.id],
    );
    expect(stored.rows[0].summary.meta?.totals?.pass).toBeGreaterThan(0);
  });
});

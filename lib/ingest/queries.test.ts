import { beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/server/db";
import { listClusters } from "@/lib/clusters/queries";
import { createTestCluster, createTestOrg } from "@/lib/testing/factories";
import { clusterAgentSummaries, latestReportsByCluster, latestTrivyImages, recentAgentFailures } from "./queries";

type TCluster = Awaited<ReturnType<typeof createTestCluster>>;

let n = 0;
async function insertReport(
  cluster: TCluster,
  type: string,
  receivedAt: string,
  extra: { status?: string; error?: string; agentVersion?: string; body?: string } = {},
) {
  const body = Buffer.from(extra.body ?? JSON.stringify({ n: n++ }));
  await pool.query(
    `INSERT INTO reports (org_id, cluster_id, type, sha256, body, size_bytes, agent_version, status, error, received_at)
     VALUES ($1, $2, $3, md5(random()::text), $4, $5, $6, $7::report_status, $8, $9)`,
    [
      cluster.orgId,
      cluster.id,
      type,
      body,
      body.length,
      extra.agentVersion ?? null,
      extra.status ?? "received",
      extra.error ?? null,
      receivedAt,
    ],
  );
}

async function insertFailure(cluster: TCluster, type: string, message: string, receivedAt: string) {
  await pool.query(
    `INSERT INTO agent_failures (org_id, cluster_id, type, message, received_at) VALUES ($1, $2, $3, $4, $5)`,
    [cluster.orgId, cluster.id, type, message, receivedAt],
  );
}

describe("latestReportsByCluster", () => {
  let prod: TCluster;
  let staging: TCluster;
  let foreign: TCluster;
  beforeAll(async () => {
    const org = await createTestOrg();
    prod = await createTestCluster(org.id);
    staging = await createTestCluster(org.id);
    foreign = await createTestCluster((await createTestOrg()).id);
    await insertReport(prod, "polaris", "2026-01-01T10:00:00Z", { agentVersion: "5.3.0" });
    await insertReport(prod, "polaris", "2026-01-01T12:00:00Z", {
      agentVersion: "5.3.1",
      status: "failed",
      error: "bad shape",
    });
    await insertReport(prod, "polaris", "2026-01-01T11:00:00Z");
    await insertReport(prod, "trivy", "2026-01-01T09:00:00Z", { status: "processed" });
    await insertReport(foreign, "polaris", "2026-02-01T00:00:00Z");
  });

  it("returns the latest report per cluster and type, with the count of that type", async () => {
    const byCluster = await latestReportsByCluster(prod.orgId);
    const reports = byCluster.get(prod.id)!;
    expect(reports.map((r) => [r.type, r.reportCount, r.status])).toEqual([
      ["polaris", 3, "failed"],
      ["trivy", 1, "processed"],
    ]);
    expect(reports[0]).toMatchObject({ agentVersion: "5.3.1", error: "bad shape" });
    expect(reports[0].receivedAt.toISOString()).toBe("2026-01-01T12:00:00.000Z");
    expect(reports[0]).not.toHaveProperty("body");
  });

  it("leaves out clusters without reports and never shows another org's reports", async () => {
    const byCluster = await latestReportsByCluster(prod.orgId);
    expect(byCluster.has(staging.id)).toBe(false);
    expect(byCluster.has(foreign.id)).toBe(false);
    expect((await latestReportsByCluster(foreign.orgId)).get(foreign.id)).toHaveLength(1);
    expect((await latestReportsByCluster(foreign.orgId)).has(prod.id)).toBe(false);
  });
});

describe("recentAgentFailures", () => {
  it("returns the newest failures of one cluster, bounded, only within the org", async () => {
    const org = await createTestOrg();
    const cluster = await createTestCluster(org.id);
    const other = await createTestCluster((await createTestOrg()).id);
    for (let i = 0; i < 7; i++) await insertFailure(cluster, "trivy", `failure ${i}`, `2026-01-01T0${i}:00:00Z`);
    await insertFailure(other, "polaris", "elsewhere", "2026-03-01T00:00:00Z");

    const failures = await recentAgentFailures(org.id, cluster.id);
    expect(failures.map((f) => f.message)).toEqual(["failure 6", "failure 5", "failure 4", "failure 3", "failure 2"]);
    expect(await recentAgentFailures(org.id, cluster.id, 2)).toHaveLength(2);
    expect(await recentAgentFailures(org.id, other.id)).toEqual([]);
  });
});

describe("latestTrivyImages", () => {
  const trivy = (name: string) =>
    JSON.stringify({
      Images: [{ ID: `${name}@sha256:aa`, Name: name, OwnerKind: "Deployment", OwnerName: "web", Report: [] }],
      Vulnerabilities: {},
    });

  it("falls back to the previous parseable report when the latest one is not a Trivy report", async () => {
    const org = await createTestOrg();
    const cluster = await createTestCluster(org.id);
    await insertReport(cluster, "trivy", "2026-01-01T10:00:00Z", { body: trivy("nginx:1.25") });
    await insertReport(cluster, "trivy", "2026-01-01T11:00:00Z", { body: '{"unexpected":true}' });
    const { images, receivedAt } = await latestTrivyImages(org.id, cluster.id);
    expect(images.map((i) => i.name)).toEqual(["nginx:1.25"]);
    expect(receivedAt.toISOString()).toBe("2026-01-01T10:00:00.000Z");
  });

  it("answers not_found when no stored report parses or the cluster is another org's", async () => {
    const org = await createTestOrg();
    const cluster = await createTestCluster(org.id);
    await expect(latestTrivyImages(org.id, cluster.id)).rejects.toMatchObject({ code: "not_found" });
    await insertReport(cluster, "trivy", "2026-01-01T10:00:00Z", { body: "[]" });
    await expect(latestTrivyImages(org.id, cluster.id)).rejects.toMatchObject({ code: "not_found" });
    await insertReport(cluster, "trivy", "2026-01-01T11:00:00Z", { body: trivy("redis:7") });
    const stranger = await createTestOrg();
    await expect(latestTrivyImages(stranger.id, cluster.id)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("clusterAgentSummaries", () => {
  it("gives each cluster its last report, the latest versions sent and its node count", async () => {
    const org = await createTestOrg();
    const prod = await createTestCluster(org.id);
    const fresh = await createTestCluster(org.id);
    await insertReport(prod, "polaris", "2026-01-01T10:00:00Z", { agentVersion: "5.2.0" });
    await insertReport(prod, "workloads", "2026-01-01T11:00:00Z", { agentVersion: "5.3.0", status: "processed" });
    // The install reporter sends no version headers; it must not blank the versions out.
    await insertReport(prod, "installation", "2026-01-01T12:00:00Z");
    await pool.query(`UPDATE reports SET chart_version = '4.1.0' WHERE cluster_id = $1 AND type = 'polaris'`, [
      prod.id,
    ]);
    await db.resource.createMany({
      data: [
        { orgId: org.id, clusterId: prod.id, namespace: "", kind: "Node", name: "node-a" },
        { orgId: org.id, clusterId: prod.id, namespace: "", kind: "Node", name: "node-b" },
        { orgId: org.id, clusterId: prod.id, namespace: "", kind: "Node", name: "gone", removedAt: new Date() },
        { orgId: org.id, clusterId: prod.id, namespace: "web", kind: "Deployment", name: "api" },
      ],
    });

    const summaries = await clusterAgentSummaries(org.id);
    expect(summaries.get(prod.id)).toEqual({
      lastReportAt: new Date("2026-01-01T12:00:00Z"),
      agentVersion: "5.3.0",
      chartVersion: "4.1.0",
      nodes: 2,
      inventoryProcessed: true,
    });
    expect(summaries.get(fresh.id)).toEqual({
      lastReportAt: null,
      agentVersion: null,
      chartVersion: null,
      nodes: 0,
      inventoryProcessed: false,
    });
    // Nodes are not workloads, and their empty namespace is not a namespace.
    const listed = (await listClusters(org.id)).clusters.find((c) => c.id === prod.id);
    expect(listed).toMatchObject({ workloads: 1, namespaces: 1 });
  });

  it("knows no node count before a workloads report was processed, and no other org's clusters", async () => {
    const org = await createTestOrg();
    const cluster = await createTestCluster(org.id);
    await insertReport(cluster, "workloads", "2026-01-01T11:00:00Z", { status: "failed", error: "bad" });
    const stranger = await createTestCluster((await createTestOrg()).id);
    const summaries = await clusterAgentSummaries(org.id);
    expect(summaries.get(cluster.id)).toMatchObject({ inventoryProcessed: false, nodes: 0 });
    expect(summaries.has(stranger.id)).toBe(false);
  });
});

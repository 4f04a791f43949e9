import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { beforeEach, describe, expect, it } from "vitest";
import { createCluster } from "@/lib/clusters/create-cluster";
import { processPendingReports } from "@/lib/worker/process-report";
import { storeReport } from "@/lib/ingest/store-report";
import { pool } from "@/lib/server/db";
import { createTestTenant } from "@/lib/testing/factories";
import * as failureRoute from "./organizations/[org]/clusters/[cluster]/data/[type]/failure/route";
import * as uploadRoute from "./organizations/[org]/clusters/[cluster]/data/[type]/route";

// Issue 16, item 2: a report holding NUL, invalid UTF-8 or a lone surrogate was acknowledged with
// {"Success":true}, then the worker failed with `invalid byte sequence for encoding "UTF8"` and
// every finding of the report was lost. Now such a report is cleaned before it is stored, so it is
// acknowledged AND processed.

const BASE = "http://bumpers.test";
const POLARIS_TEXT = readFileSync(
  path.resolve(process.cwd(), "../shared/fixtures/polaris/audit-dashboard-sample.json"),
  "utf8",
);
// The fixture's first workload and its container: the strings the tests break.
const WORKLOAD = "kube-scheduler-kind-control-plane";
const CONTAINER = "kube-scheduler";
const FIXTURE_FINDINGS = 29;

type TPolaris = { Results: { Name: string; PodResult: { ContainerResults: { Name: string }[] } }[] };

/** The Polaris fixture with the first workload's name and its container's name replaced. */
function polarisWith(workload: string, container: string): string {
  const doc = JSON.parse(POLARIS_TEXT) as TPolaris;
  expect(doc.Results[0].Name).toBe(WORKLOAD);
  expect(doc.Results[0].PodResult.ContainerResults[0].Name).toBe(CONTAINER);
  doc.Results[0].Name = workload;
  doc.Results[0].PodResult.ContainerResults[0].Name = container;
  return JSON.stringify(doc);
}

/** The fixture's JSON bytes with `marker` (inside a string) replaced by raw bytes. */
function polarisWithBytes(bytes: number[]): Buffer {
  const [before, after] = polarisWith(`${WORKLOAD}@@`, CONTAINER).split("@@");
  return Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from(after)]);
}

let ctx: { org: string; cluster: string; clusterId: string; orgId: string; token: string };

beforeEach(async () => {
  const t = await createTestTenant();
  const actor = { userId: t.users.admin.id, label: t.users.admin.email };
  const { cluster, token } = await createCluster(t.org.id, actor, { slug: "bytes", name: "Bytes" });
  ctx = { org: t.org.slug, cluster: cluster.slug, clusterId: cluster.id, orgId: t.org.id, token };
});

async function upload(body: Buffer, gzip = false): Promise<Response> {
  const params = { org: ctx.org, cluster: ctx.cluster, type: "polaris" };
  const req = new Request(`${BASE}/v0/organizations/${ctx.org}/clusters/${ctx.cluster}/data/polaris`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${ctx.token}`,
      "content-type": "application/json",
      ...(gzip ? { "content-encoding": "gzip" } : {}),
    },
    body: new Uint8Array(gzip ? gzipSync(body) : body),
  });
  return uploadRoute.POST(req, { params: Promise.resolve(params) });
}

/** Acknowledged exactly as the agent expects, then processed into the fixture's findings. */
async function expectAcknowledgedAndProcessed(res: Response) {
  expect(res.status).toBe(200);
  expect(await res.text()).toBe('{"Success":true}');
  expect(await processPendingReports({ clusterId: ctx.clusterId })).toBe(1);
  const reports = await pool.query<{ status: string; error: string | null }>(
    `SELECT status::text, error FROM reports WHERE cluster_id = $1`,
    [ctx.clusterId],
  );
  expect(reports.rows).toEqual([{ status: "processed", error: null }]);
  const findings = await pool.query<{ name: string; container: string | null }>(
    `SELECT name, container FROM findings WHERE cluster_id = $1 AND source = 'polaris' ORDER BY name, container`,
    [ctx.clusterId],
  );
  expect(findings.rows).toHaveLength(FIXTURE_FINDINGS);
  return findings.rows;
}

describe("a Polaris report with bytes PostgreSQL cannot store", () => {
  it("strips an escaped NUL (\\u0000) from the workload and container names, and keeps every finding", async () => {
    const body = Buffer.from(polarisWith(`kube-sched\u0000uler-kind-control-plane`, `kube-\u0000scheduler`));
    expect(body.toString()).toContain("\\u0000");
    const rows = await expectAcknowledgedAndProcessed(await upload(body));
    expect(rows.filter((r) => r.name === WORKLOAD).length).toBeGreaterThan(0);
    expect(rows.some((r) => r.container === CONTAINER && r.name === WORKLOAD)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain("\\u0000");
  });

  it("replaces invalid UTF-8 bytes (\\xff\\xfe) with U+FFFD, and keeps every finding", async () => {
    const rows = await expectAcknowledgedAndProcessed(await upload(polarisWithBytes([0xff, 0xfe])));
    expect(rows.some((r) => r.name === `${WORKLOAD}\uFFFD\uFFFD`)).toBe(true);
  });

  it("does the same for a gzipped upload, as the agent sends it", async () => {
    const rows = await expectAcknowledgedAndProcessed(
      await upload(polarisWithBytes([0xc3, 0x28, 0xed, 0xa0, 0x80]), true),
    );
    expect(rows.some((r) => r.name.startsWith(`${WORKLOAD}\uFFFD`))).toBe(true);
  });

  it("removes a raw NUL byte inside a string, which would otherwise not even be JSON", async () => {
    const rows = await expectAcknowledgedAndProcessed(await upload(polarisWithBytes([0x00])));
    expect(rows.some((r) => r.name === WORKLOAD)).toBe(true);
  });

  it("replaces escaped lone surrogates (\\ud800, \\udc00) with U+FFFD, in values and in keys", async () => {
    const doc = JSON.parse(polarisWith(`${WORKLOAD}\ud800`, `${CONTAINER}\udc00`)) as Record<string, unknown>;
    doc["extra\ud800key"] = { "\u0000": "x\u0000" };
    const rows = await expectAcknowledgedAndProcessed(await upload(Buffer.from(JSON.stringify(doc))));
    expect(rows.some((r) => r.name === `${WORKLOAD}\uFFFD` && r.container === `${CONTAINER}\uFFFD`)).toBe(true);
  });

  it("treats a retry of the same dirty bytes as the same report", async () => {
    const body = polarisWithBytes([0xff]);
    await expectAcknowledgedAndProcessed(await upload(body));
    expect((await upload(body)).status).toBe(200);
    const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM reports WHERE cluster_id = $1`, [
      ctx.clusterId,
    ]);
    expect(rows[0].n).toBe(1);
  });

  it("processes a report stored with such bytes before uploads were cleaned (a reprocess recovers it)", async () => {
    for (const body of [polarisWithBytes([0xff, 0xfe]), Buffer.from(polarisWith(`${WORKLOAD}\u0000`, CONTAINER))]) {
      await pool.query(`DELETE FROM reports WHERE cluster_id = $1`, [ctx.clusterId]);
      // Straight to the store, as the upload route did before: the raw bytes are what is kept.
      await storeReport({ orgId: ctx.orgId, clusterId: ctx.clusterId, type: "polaris", body, headers: new Headers() });
      expect(await processPendingReports({ clusterId: ctx.clusterId })).toBe(1);
      const { rows } = await pool.query<{ status: string; error: string | null }>(
        `SELECT status::text, error FROM reports WHERE cluster_id = $1`,
        [ctx.clusterId],
      );
      expect(rows).toEqual([{ status: "processed", error: null }]);
    }
  });
});

describe("the agent's failure text with NUL and invalid UTF-8", () => {
  it("is stored with NUL removed and invalid bytes replaced", async () => {
    const req = new Request(`${BASE}/v0/failure`, {
      method: "POST",
      headers: { authorization: `Bearer ${ctx.token}`, "content-type": "text/plain" },
      body: new Uint8Array([...Buffer.from("trivy: exit\u0000 "), 0xff, 0xfe, ...Buffer.from(" failed")]),
    });
    const params = { org: ctx.org, cluster: ctx.cluster, type: "trivy" };
    const res = await failureRoute.POST(req, { params: Promise.resolve(params) });
    expect(res.status).toBe(200);
    const { rows } = await pool.query<{ message: string }>(`SELECT message FROM agent_failures WHERE cluster_id = $1`, [
      ctx.clusterId,
    ]);
    expect(rows).toEqual([{ message: "trivy: exit \uFFFD\uFFFD failed" }]);
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { pool, db } from "@/lib/server/db";
import { createCluster } from "@/lib/clusters/create-cluster";
import { createAgentTenantWithStrangers } from "@/lib/testing/agent-tenant";
import { actorFor } from "@/lib/testing/factories";
import * as uploadRoute from "./organizations/[org]/clusters/[cluster]/data/[type]/route";
import * as failureRoute from "./organizations/[org]/clusters/[cluster]/data/[type]/failure/route";
import * as claimRoute from "./organizations/[org]/clusters/[cluster]/reports/on-demand-jobs/claim/route";
import { errorOf } from "@/lib/testing/http";
import { processPendingReports } from "@/lib/worker/process-report";

const BASE = "http://bumpers.test";
const POLARIS = readFileSync(path.resolve(process.cwd(), "../shared/fixtures/polaris/audit-dashboard-sample.json"));
const AGENT_HEADERS = {
  "X-Fairwinds-Agent-Version": "5.3.1",
  "X-Fairwinds-Report-Version": "9.1.0",
  "X-Fairwinds-Agent-Chart-Version": "2.37.0",
};

type TSetup = Awaited<ReturnType<typeof setup>>;

async function setup() {
  const { tenant, main, sibling, orgToken, foreign } = await createAgentTenantWithStrangers(["prod"]);
  return { tenant, main, sibling, orgToken, foreign: foreign[0] };
}

function upload(
  s: TSetup,
  type: string,
  body: BodyInit | null,
  options: { token?: string | null; headers?: Record<string, string>; cluster?: string } = {},
) {
  const token = options.token === undefined ? s.main.token : options.token;
  const params = { org: s.tenant.org.slug, cluster: options.cluster ?? s.main.cluster.slug, type };
  const req = new Request(`${BASE}/v0/organizations/${params.org}/clusters/${params.cluster}/data/${type}`, {
    method: "POST",
    // Needed for a ReadableStream body (Node's fetch), harmless for the others.
    duplex: "half",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...options.headers,
    },
    body,
  } as RequestInit);
  return uploadRoute.POST(req, { params: Promise.resolve(params) });
}

async function reportsOf(clusterId: string, type = "polaris") {
  const { rows } = await pool.query<{
    sha256: string;
    size_bytes: number;
    body: Buffer;
    agent_version: string | null;
    report_version: string | null;
    chart_version: string | null;
    status: string;
  }>(
    `SELECT sha256, size_bytes, body, agent_version, report_version, chart_version, status
       FROM reports WHERE cluster_id = $1 AND type = $2`,
    [clusterId, type],
  );
  return rows;
}

describe("POST /v0/organizations/{org}/clusters/{cluster}/data/{type}", () => {
  let s: TSetup;
  beforeAll(async () => {
    s = await setup();
  });

  it("stores the Polaris report with its SHA-256 and the agent's headers, answering exactly {Success:true}", async () => {
    const res = await upload(s, "polaris", POLARIS, { headers: AGENT_HEADERS });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"Success":true}');
    expect(res.headers.get("x-request-id")).toBeTruthy();

    const rows = await reportsOf(s.main.cluster.id);
    expect(rows).toHaveLength(1);
    const { createHash } = await import("node:crypto");
    expect(rows[0]).toMatchObject({
      sha256: createHash("sha256").update(POLARIS).digest("hex"),
      size_bytes: POLARIS.length,
      agent_version: "5.3.1",
      report_version: "9.1.0",
      chart_version: "2.37.0",
      status: "received",
    });
    expect(Buffer.compare(rows[0].body, POLARIS)).toBe(0);
  });

  it("changes nothing when the same report is uploaded again", async () => {
    const res = await upload(s, "polaris", POLARIS, { headers: AGENT_HEADERS });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"Success":true}');
    expect(await reportsOf(s.main.cluster.id)).toHaveLength(1);
  });

  it("accepts a gzipped body with and without Content-Encoding", async () => {
    const first = Buffer.from(JSON.stringify({ gzip: "with header" }));
    const withHeader = await upload(s, "gz-test", gzipSync(first), { headers: { "content-encoding": "gzip" } });
    expect(withHeader.status).toBe(200);
    const second = Buffer.from(JSON.stringify({ gzip: "sniffed" }));
    const sniffed = await upload(s, "gz-test", gzipSync(second));
    expect(sniffed.status).toBe(200);
    const bodies = (await reportsOf(s.main.cluster.id, "gz-test")).map((r) => r.body.toString("utf8")).sort();
    expect(bodies).toEqual([first.toString(), second.toString()].sort());
  });

  it("answers 400 naming the position for invalid JSON", async () => {
    const res = await upload(s, "bad-json", '{"a": 1,}');
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe("bad_request");
    expect(error.message).toContain("position");
    expect(await reportsOf(s.main.cluster.id, "bad-json")).toHaveLength(0);
  });

  it("names the end of the body as the position when a report is cut off", async () => {
    const res = await upload(s, "cut-off", '{"Results": [1,');
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toContain("at position 15, the end of the body");
  });

  it("answers 400 for an empty body and for a corrupt gzip body", async () => {
    expect((await upload(s, "empty", "")).status).toBe(400);
    const corrupt = Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.from("not really gzip")]);
    expect((await upload(s, "corrupt", corrupt)).status).toBe(400);
  });

  it("answers 413 for a body over the 50 MB cap, and for a gzip bomb", async () => {
    const huge = await upload(s, "huge", Buffer.alloc(50 * 1024 * 1024 + 1, 0x20));
    expect(huge.status).toBe(413);
    expect((await errorOf(huge)).code).toBe("payload_too_large");
    const bomb = gzipSync(Buffer.alloc(60 * 1024 * 1024));
    const res = await upload(s, "bomb", bomb, { headers: { "content-encoding": "gzip" } });
    expect(res.status).toBe(413);
  });

  it("answers 413 at once for a declared length over the cap, and stops reading an endless chunked body", async () => {
    const counting = () => {
      const state = { pulls: 0 };
      const chunk = 1024 * 1024;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          state.pulls++;
          // A 100 MB body in 1 MB chunks, unless the reader stops early.
          if (state.pulls > 100) controller.close();
          else controller.enqueue(new Uint8Array(chunk).fill(0x20));
        },
      });
      return { state, stream };
    };
    const declared = counting();
    const res = await upload(s, "declared", declared.stream, {
      headers: { "content-length": String(100 * 1024 * 1024) },
    });
    expect(res.status).toBe(413);
    expect(declared.state.pulls).toBeLessThanOrEqual(1);

    const chunked = counting();
    const streamed = await upload(s, "chunked", chunked.stream);
    expect(streamed.status).toBe(413);
    // The 50 MB cap is passed on the 51st chunk; the rest of the 100 is never pulled.
    expect(chunked.state.pulls).toBeGreaterThan(50);
    expect(chunked.state.pulls).toBeLessThan(55);
  });

  it("stores report types it does not know", async () => {
    const res = await upload(s, "prometheus-metrics", JSON.stringify({ metrics: [] }));
    expect(res.status).toBe(200);
    expect(await reportsOf(s.main.cluster.id, "prometheus-metrics")).toHaveLength(1);
  });

  it("refuses a type that is not a plain name", async () => {
    const res = await upload(s, "../x", JSON.stringify({}));
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe("bad_request");
  });

  it("answers 401 without a token, with a malformed one, and with a revoked one", async () => {
    expect((await upload(s, "polaris", POLARIS, { token: null })).status).toBe(401);
    expect((await upload(s, "polaris", POLARIS, { token: "bmp_cl_nope" })).status).toBe(401);
    const revoked = await createCluster(s.tenant.org.id, actorFor(s.tenant.users.admin), {
      slug: "revoked",
      name: "Revoked",
    });
    await db.apiToken.updateMany({ where: { clusterId: revoked.cluster.id }, data: { revokedAt: new Date() } });
    const res = await upload(s, "polaris", POLARIS, { token: revoked.token, cluster: "revoked" });
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe("unauthorized");
  });

  it("answers 403 for an org token, another cluster's token, and another org's token", async () => {
    expect((await upload(s, "polaris", POLARIS, { token: s.orgToken })).status).toBe(403);
    expect((await upload(s, "polaris", POLARIS, { token: s.sibling.token })).status).toBe(403);
    const foreign = await upload(s, "polaris", POLARIS, { token: s.foreign.token });
    expect(foreign.status).toBe(403);
    // Same slug "prod" in both orgs: the org in the path must match the token's, too.
    expect((await errorOf(foreign)).message).not.toContain(s.foreign.cluster.orgId);
    expect(await reportsOf(s.sibling.cluster.id)).toHaveLength(0);
    expect(await reportsOf(s.foreign.cluster.id)).toHaveLength(0);
  });
});

describe("an agent's upload, end to end", () => {
  let s: TSetup;
  beforeAll(async () => {
    s = await setup();
  });

  it("replays the insights-agent's request (gzip, headers, bearer token) and ends with committed findings", async () => {
    // What the agent sends: gzipped JSON with Content-Encoding, its version headers, the cluster token.
    const res = await upload(s, "polaris", gzipSync(POLARIS), {
      headers: { ...AGENT_HEADERS, "content-encoding": "gzip" },
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"Success":true}');
    const [stored] = await reportsOf(s.main.cluster.id);
    expect(stored.status).toBe("received");
    // The worker's part.
    expect(await processPendingReports({ clusterId: s.main.cluster.id })).toBe(1);
    const findings = await pool.query<{ n: number; open: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'open')::int AS open
         FROM findings WHERE cluster_id = $1 AND source = 'polaris'`,
      [s.main.cluster.id],
    );
    expect(findings.rows[0]).toEqual({ n: 29, open: 29 });
    expect((await reportsOf(s.main.cluster.id))[0].status).toBe("processed");
  });

  it("answers 422 naming the path for JSON that is not the type's shape, and keeps the report as failed", async () => {
    const res = await upload(s, "pluto", Buffer.from('{"items":[{"name":"web","api":{"version":7}}]}'));
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.code).toBe("unprocessable");
    expect(error.message).toMatch(/items\[0\]/);
    expect(error.details).toMatchObject({ path: expect.stringMatching(/^items\[0\]/) });
    const [kept] = await reportsOf(s.main.cluster.id, "pluto");
    expect(kept.status).toBe("failed");
    // Kept exactly as sent, so it can be reprocessed after a fix.
    expect(kept.body.toString()).toBe('{"items":[{"name":"web","api":{"version":7}}]}');
  });

  it("keeps findings of one cluster invisible to another cluster's and another org's data", async () => {
    const leaked = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM findings WHERE cluster_id IN ($1, $2)`,
      [s.sibling.cluster.id, s.foreign.cluster.id],
    );
    expect(leaked.rows[0].n).toBe(0);
  });
});

describe("POST .../data/{type}/failure and .../reports/on-demand-jobs/claim", () => {
  let s: TSetup;
  beforeAll(async () => {
    s = await setup();
  });

  const params = (type?: string) => ({
    org: s.tenant.org.slug,
    cluster: s.main.cluster.slug,
    ...(type ? { type } : {}),
  });

  it("stores the failure text whatever its Content-Type", async () => {
    const req = new Request(`${BASE}/v0/failure`, {
      method: "POST",
      headers: { authorization: `Bearer ${s.main.token}`, "content-type": "application/x-www-form-urlencoded" },
      body: "trivy: exit status 1: image pull failed",
    });
    const res = await failureRoute.POST(req, { params: Promise.resolve({ ...params(), type: "trivy" }) });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"Success":true}');
    const { rows } = await pool.query<{ type: string; message: string }>(
      `SELECT type, message FROM agent_failures WHERE cluster_id = $1`,
      [s.main.cluster.id],
    );
    expect(rows).toEqual([{ type: "trivy", message: "trivy: exit status 1: image pull failed" }]);
  });

  it("cuts a long failure to 64 KB and refuses an empty one", async () => {
    const long = new Request(`${BASE}/v0/failure`, {
      method: "POST",
      headers: { authorization: `Bearer ${s.main.token}` },
      body: "x".repeat(200 * 1024),
    });
    const res = await failureRoute.POST(long, { params: Promise.resolve({ ...params(), type: "nova" }) });
    expect(res.status).toBe(200);
    const { rows } = await pool.query<{ length: number }>(
      `SELECT length(message) AS length FROM agent_failures WHERE cluster_id = $1 AND type = 'nova'`,
      [s.main.cluster.id],
    );
    expect(rows).toEqual([{ length: 64 * 1024 }]);

    const empty = new Request(`${BASE}/v0/failure`, {
      method: "POST",
      headers: { authorization: `Bearer ${s.main.token}` },
      body: "  ",
    });
    const refused = await failureRoute.POST(empty, { params: Promise.resolve({ ...params(), type: "nova" }) });
    expect(refused.status).toBe(400);
  });

  it("needs the cluster's token for failures", async () => {
    const req = new Request(`${BASE}/v0/failure`, {
      method: "POST",
      headers: { authorization: `Bearer ${s.sibling.token}` },
      body: "boom",
    });
    const res = await failureRoute.POST(req, { params: Promise.resolve({ ...params(), type: "trivy" }) });
    expect(res.status).toBe(403);
  });

  it("answers [] to the on-demand job claim, and 401 without a token", async () => {
    const req = new Request(`${BASE}/v0/claim`, {
      method: "POST",
      headers: { authorization: `Bearer ${s.main.token}` },
    });
    const res = await claimRoute.POST(req, { params: Promise.resolve(params()) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([]);

    const anonymous = await claimRoute.POST(new Request(`${BASE}/v0/claim`, { method: "POST" }), {
      params: Promise.resolve(params()),
    });
    expect(anonymous.status).toBe(401);
  });
});

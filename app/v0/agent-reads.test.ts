import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseTrivy, type TTrivyMinimizedReport } from "@/lib/ingest/parsers/trivy";
import { createAgentTenant } from "@/lib/testing/agent-tenant";
import * as uploadRoute from "./organizations/[org]/clusters/[cluster]/data/[type]/route";
import * as trivyLatestRoute from "./organizations/[org]/clusters/[cluster]/data/trivy/latest.json/route";
import * as polarisConfigRoute from "./organizations/[org]/clusters/[cluster]/data/polaris/config/route";
import { errorOf } from "@/lib/testing/http";

const BASE = "http://bumpers.test";
const TRIVY = readFileSync(path.resolve(process.cwd(), "../shared/fixtures/trivy-insights/v0.26-latest.json"));

type TSetup = Awaited<ReturnType<typeof setup>>;

async function setup() {
  const { tenant, main, sibling } = await createAgentTenant();
  return { org: tenant.org.slug, main, sibling };
}

const auth = (token: string | null): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

function uploadTrivy(s: TSetup, body: Buffer) {
  const params = { org: s.org, cluster: "prod", type: "trivy" };
  const req = new Request(`${BASE}/v0/organizations/${s.org}/clusters/prod/data/trivy`, {
    method: "POST",
    headers: { "content-type": "application/json", ...auth(s.main.token) },
    body: new Uint8Array(body),
  });
  return uploadRoute.POST(req, { params: Promise.resolve(params) });
}

function getTrivyLatest(s: TSetup, token: string | null) {
  const params = { org: s.org, cluster: "prod" };
  const req = new Request(`${BASE}/v0/organizations/${s.org}/clusters/prod/data/trivy/latest.json`, {
    headers: auth(token),
  });
  return trivyLatestRoute.GET(req, { params: Promise.resolve(params) });
}

function getPolarisConfig(s: TSetup, token: string | null) {
  const params = { org: s.org, cluster: "prod" };
  const req = new Request(`${BASE}/v0/organizations/${s.org}/clusters/prod/data/polaris/config`, {
    headers: auth(token),
  });
  return polarisConfigRoute.GET(req, { params: Promise.resolve(params) });
}

describe("GET /v0/organizations/{org}/clusters/{cluster}/data/trivy/latest.json", () => {
  let s: TSetup;
  beforeAll(async () => {
    s = await setup();
  });

  it("answers 401 without a token and 403 with another cluster's token", async () => {
    const anonymous = await getTrivyLatest(s, null);
    expect(anonymous.status).toBe(401);
    expect((await errorOf(anonymous)).code).toBe("unauthorized");
    const sibling = await getTrivyLatest(s, s.sibling.token);
    expect(sibling.status).toBe(403);
    expect((await errorOf(sibling)).code).toBe("forbidden");
  });

  it("answers 404 before the first upload, then the uploaded report in the minimized format", async () => {
    const before = await getTrivyLatest(s, s.main.token);
    expect(before.status).toBe(404);
    expect((await errorOf(before)).code).toBe("not_found");

    expect((await uploadTrivy(s, TRIVY)).status).toBe(200);
    const res = await getTrivyLatest(s, s.main.token);
    expect(res.status).toBe(200);
    const report = (await res.json()) as TTrivyMinimizedReport;
    const expected = parseTrivy(JSON.parse(TRIVY.toString("utf8"))).images!;
    expect(expected.length).toBeGreaterThan(0);
    expect(report.Images).toHaveLength(expected.length);
    expect(report.Images.map((i) => i.Name).sort()).toEqual(expected.map((i) => i.name).sort());
    // The minimized report round-trips through the parser the agent's next upload goes through.
    expect(parseTrivy(report).images).toHaveLength(expected.length);
    expect(report.Images[0].LastScan).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("keeps answering the last good report after an upload that is not a Trivy report", async () => {
    // Answered 422 and kept as a failed report; latest.json skips it.
    expect((await uploadTrivy(s, Buffer.from('{"Images":"not a list"}'))).status).toBe(422);
    const res = await getTrivyLatest(s, s.main.token);
    expect(res.status).toBe(200);
    const expected = parseTrivy(JSON.parse(TRIVY.toString("utf8"))).images!;
    expect(((await res.json()) as TTrivyMinimizedReport).Images).toHaveLength(expected.length);
  });
});

describe("GET /v0/organizations/{org}/clusters/{cluster}/data/polaris/config", () => {
  let s: TSetup;
  beforeAll(async () => {
    s = await setup();
  });

  it("answers 404 with a valid token: there is no org Polaris configuration", async () => {
    const res = await getPolarisConfig(s, s.main.token);
    expect(res.status).toBe(404);
    const error = await errorOf(res);
    expect(error.code).toBe("not_found");
    expect(error.message).toMatch(/Polaris/);
  });

  it("answers 401 without a token and 403 with another cluster's token", async () => {
    expect((await getPolarisConfig(s, null)).status).toBe(401);
    expect((await getPolarisConfig(s, s.sibling.token)).status).toBe(403);
  });
});

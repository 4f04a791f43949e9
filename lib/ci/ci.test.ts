import { beforeAll, describe, expect, it } from "vitest";
import * as findingsRoute from "@/app/api/v1/findings/route";
import * as policiesRoute from "@/app/api/v1/policies/route";
import * as scanRoute from "@/app/api/v1/ci/scan-results/route";
import { updateTeamCheckSetting } from "@/lib/policies/update-settings";
import { db } from "@/lib/server/db";
import { actorFor, createTestTenant } from "@/lib/testing/factories";
import { errorOf } from "@/lib/testing/http";
import { createOrgToken } from "@/lib/tokens/create-org-token";
import type { TCiPolicy } from "./policy-for-ci";
import { blockCheck, orgAccessOf, teamAccessOf } from "@/lib/testing/access";
import { scanResult } from "./ci-testing";

const BASE = "http://bumpers.test";

function get(path: string, token: string) {
  const req = new Request(`${BASE}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return path.startsWith("/api/v1/policies") ? policiesRoute.GET(req) : findingsRoute.GET(req);
}

function upload(token: string, body: unknown) {
  const req = new Request(`${BASE}/api/v1/ci/scan-results`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return scanRoute.POST(req);
}

const result = (checkId: string, name: string, extra: Record<string, unknown> = {}) =>
  scanResult(checkId, name, { severity: "high", namespace: "payments", ...extra });

async function setup() {
  const tenant = await createTestTenant();
  await db.team.update({ where: { id: tenant.team.id }, data: { repositoryPatterns: ["acme/payments-*"] } });
  const actor = actorFor(tenant.users.admin);
  const ci = await createOrgToken(tenant.org.id, actor, { name: "github actions", kind: "ci" });
  const other = await createTestTenant();
  const otherActor = actorFor(other.users.admin);
  const otherCi = await createOrgToken(other.org.id, otherActor, { name: "ci", kind: "ci" });
  const orgAdmin = await orgAccessOf(tenant.users.admin, tenant.org.slug);
  const teamAdmin = await teamAccessOf(tenant.users.teamAdmin, tenant.org.slug, tenant.team.slug);
  return { tenant, ci: ci.secret, otherCi: otherCi.secret, orgAdmin, teamAdmin };
}

describe("CI: policy settings for bumpers check, and scan uploads", () => {
  let s: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    s = await setup();
    await blockCheck(s.orgAdmin, "hostPathSet", { ci: true });
    await updateTeamCheckSetting(s.teamAdmin, {
      checkId: "tagNotSpecified",
      enabled: true,
      severity: "high",
      blockAdmission: false,
      blockCi: true,
    });
  });

  it("gives a CI token the effective settings of the repository's team", async () => {
    const res = await get("/api/v1/policies?repository=acme/payments-api", s.ci);
    expect(res.status).toBe(200);
    const policy = (await res.json()) as TCiPolicy;
    const byId = new Map(policy.checks.map((c) => [c.id, c]));
    expect(policy.team?.id).toBe(s.tenant.team.id);
    expect(byId.get("hostPathSet")?.blockCi).toBe(true);
    expect(byId.get("tagNotSpecified")).toMatchObject({ blockCi: true, severity: "high" });

    const unowned = (await (await get("/api/v1/policies?repository=acme/website", s.ci)).json()) as TCiPolicy;
    expect(unowned.team).toBeNull();
    expect(unowned.checks.find((c) => c.id === "tagNotSpecified")?.blockCi).toBe(false);
    // Another org's CI token sees its own org's defaults, not this org's settings.
    const foreign = (await (await get("/api/v1/policies?repository=acme/payments-api", s.otherCi)).json()) as TCiPolicy;
    expect(foreign.checks.find((c) => c.id === "hostPathSet")?.blockCi).toBe(false);
  });

  it("refuses a bad repository name with 400, and keeps a CI token out of the findings API", async () => {
    const bad = await get("/api/v1/policies?repository=../../etc", s.ci);
    expect(bad.status).toBe(400);
    const findings = await get("/api/v1/findings", s.ci);
    expect(findings.status).toBe(403);
  });

  it("stores a scan as the branch's CI findings, owned by the repository's team, and fixes what the next scan lacks", async () => {
    const first = await upload(s.ci, {
      repository: "acme/payments-api",
      branch: "main",
      commit: "a1b2c3d4",
      results: [
        result("hostPathSet", "api", { blocking: true }),
        result("tagNotSpecified", "api"),
        result("tagNotSpecified", "worker"),
      ],
    });
    expect(first.status).toBe(201);
    const summary = (await first.json()) as {
      findings: number;
      opened: number;
      fixed: number;
      url: string;
      teamId: string;
    };
    expect(summary).toMatchObject({ findings: 3, opened: 3, fixed: 0, teamId: s.tenant.team.id });
    expect(summary.url).toContain(`/o/${s.tenant.org.slug}/findings/ci?repository=acme%2Fpayments-api&branch=main`);

    const second = (await (
      await upload(s.ci, {
        repository: "acme/payments-api",
        branch: "main",
        commit: "e5f6a7b8",
        results: [result("tagNotSpecified", "api")],
      })
    ).json()) as { findings: number; opened: number; fixed: number };
    expect(second).toMatchObject({ findings: 1, opened: 0, fixed: 2 });
    const rows = await db.ciFinding.findMany({
      where: { orgId: s.tenant.org.id, repository: "acme/payments-api", branch: "main" },
      orderBy: [{ checkId: "asc" }, { name: "asc" }],
    });
    expect(rows.map((r) => [r.checkId, r.name, r.status, r.commit, r.ownerTeamId])).toEqual([
      ["hostPathSet", "api", "fixed", "e5f6a7b8", s.tenant.team.id],
      ["tagNotSpecified", "api", "open", "e5f6a7b8", s.tenant.team.id],
      ["tagNotSpecified", "worker", "fixed", "e5f6a7b8", s.tenant.team.id],
    ]);
    // A feature branch is its own set: it neither fixes nor adds to main's.
    await upload(s.ci, { repository: "acme/payments-api", branch: "feature/x", commit: "abcdef12", results: [] });
    expect(await db.ciFinding.count({ where: { orgId: s.tenant.org.id, branch: "main", status: "open" } })).toBe(1);
    expect(await db.ciScan.count({ where: { orgId: s.tenant.org.id } })).toBe(3);
  });

  it("answers 400 to bad uploads and stores nothing; another org never sees the scans", async () => {
    const before = await db.ciScan.count({ where: { orgId: s.tenant.org.id } });
    const notJson = await upload(s.ci, "{oops");
    expect(notJson.status).toBe(400);
    const unknownCheck = await upload(s.ci, {
      repository: "acme/payments-api",
      branch: "main",
      commit: "a1b2c3d4",
      results: [result("noSuchCheck", "api")],
    });
    expect(unknownCheck.status).toBe(400);
    expect((await errorOf(unknownCheck)).code).toBe("bad_request");
    const badCommit = await upload(s.ci, { repository: "acme/x", branch: "main", commit: "; rm -rf", results: [] });
    expect(badCommit.status).toBe(400);
    // Issue 16: a NUL or a lone surrogate in any string is a 400 naming where, not a 500.
    const dirty: [Record<string, unknown>, string][] = [
      [{ branch: "main\u0000" }, "branch"],
      [{ results: [{ ...result("runAsPrivileged", "api"), name: "api\ud800" }] }, "results.0.name"],
    ];
    for (const [dirt, at] of dirty) {
      const res = await upload(s.ci, {
        repository: "acme/payments-api",
        branch: "main",
        commit: "a1b2c3d4",
        results: [],
        ...dirt,
      });
      expect(res.status).toBe(400);
      expect(await errorOf(res)).toMatchObject({ code: "bad_request", details: { field: at } });
    }
    expect(await db.ciScan.count({ where: { orgId: s.tenant.org.id } })).toBe(before);

    await upload(s.otherCi, { repository: "acme/payments-api", branch: "main", commit: "deadbeef", results: [] });
    const mine = await db.ciFinding.count({ where: { orgId: s.tenant.org.id, branch: "main", status: "open" } });
    expect(mine).toBe(1);
  });

  it("sends the exemption rules that can apply to manifests: org-wide or the repository's team's, for every cluster", async () => {
    const rule = (data: { teamId?: string; cluster?: string; reason: string }) =>
      db.policyExemption.create({
        data: { orgId: s.tenant.org.id, checkIds: ["hostPathSet"], namespace: "logging", ...data },
      });
    await rule({ reason: "Org-wide log shippers" });
    await rule({ teamId: s.tenant.team.id, reason: "Payments' own agent" });
    await rule({ teamId: s.tenant.otherTeam.id, reason: "Another team's" });
    await rule({ cluster: "prod", reason: "Only on prod clusters" });
    const policy = (await (await get("/api/v1/policies?repository=acme/payments-api", s.ci)).json()) as TCiPolicy;
    expect(policy.exemptions.map((e) => e.reason).sort()).toEqual(["Org-wide log shippers", "Payments' own agent"]);
    expect(policy.exemptions[0]).toEqual({
      checkIds: ["hostPathSet"],
      namespace: "logging",
      kind: "*",
      name: "*",
      reason: expect.any(String),
    });
  });

  it("sends resolutions made in the app so CI exempts them too", async () => {
    const cluster = await db.cluster.create({ data: { orgId: s.tenant.org.id, slug: "prod", name: "Prod" } });
    await db.finding.create({
      data: {
        orgId: s.tenant.org.id,
        clusterId: cluster.id,
        fingerprint: "ci-test-resolved",
        source: "polaris",
        checkId: "hostPathSet",
        category: "security",
        severity: "high",
        score: 0.75,
        title: "Host path",
        namespace: "payments",
        kind: "DaemonSet",
        name: "log-shipper",
        resolution: "working_as_intended",
        resolutionReason: "Reads node logs by design",
      },
    });
    const policy = (await (await get("/api/v1/policies", s.ci)).json()) as TCiPolicy;
    expect(policy.resolutions).toContainEqual({
      checkId: "hostPathSet",
      namespace: "payments",
      kind: "DaemonSet",
      name: "log-shipper",
    });
  });
});

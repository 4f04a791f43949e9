import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { createCluster } from "@/lib/clusters/create-cluster";
import { createOrgToken } from "@/lib/tokens/create-org-token";
import { revokeToken } from "@/lib/tokens/revoke-token";
import { authenticateToken } from "@/lib/tokens/authenticate-token";
import { createTestTenant, createTestTeam } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import * as clustersRoute from "./clusters/route";
import * as teamsRoute from "./teams/route";
import * as auditRoute from "./audit-log/route";

type TTenant = Awaited<ReturnType<typeof createTestTenant>>;

const BASE = "http://bumpers.test";
const admin = (t: TTenant) => ({ userId: t.users.admin.id, label: t.users.admin.email });

function get(path: string, token?: string) {
  return new Request(BASE + path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

function post(path: string, body: unknown, token?: string) {
  return new Request(BASE + path, {
    method: "POST",
    body: JSON.stringify(body),
    // Without a token it is a signed-in browser's request, which carries the page's Origin.
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : { origin: BASE }),
    },
  });
}

async function tokens(t: TTenant) {
  const read = await createOrgToken(t.org.id, admin(t), { name: "reader", kind: "org_read" });
  const write = await createOrgToken(t.org.id, admin(t), { name: "fleet", kind: "org_admin" });
  return { read: read.secret, admin: write.secret, readId: read.token.id };
}

async function body(res: Response) {
  return (await res.json()) as { data: Record<string, unknown>[]; nextCursor: string | null; error?: { code: string } };
}

describe("GET/POST /api/v1/clusters", () => {
  it("answers 401 without credentials and with a revoked token", async () => {
    const t = await createTestTenant();
    const k = await tokens(t);
    signInAs(null);
    const anonymous = await clustersRoute.GET(get(`/api/v1/clusters?org=${t.org.slug}`));
    expect(anonymous.status).toBe(401);
    expect((await body(anonymous)).error?.code).toBe("unauthorized");
    expect(anonymous.headers.get("x-request-id")).toBeTruthy();
    await revokeToken(t.org.id, admin(t), k.readId);
    expect((await clustersRoute.GET(get("/api/v1/clusters", k.read))).status).toBe(401);
    expect((await clustersRoute.GET(get("/api/v1/clusters", "bmp_org_garbage"))).status).toBe(401);
  });

  it("scopes every token to its own org", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    await createCluster(a.org.id, admin(a), { slug: "a-prod", name: "A prod" });
    await createCluster(b.org.id, admin(b), { slug: "b-prod", name: "B prod" });
    const ka = await tokens(a);
    signInAs(null);

    const res = await clustersRoute.GET(get("/api/v1/clusters", ka.read));
    expect(res.status).toBe(200);
    const listed = await body(res);
    expect(listed.data.map((c) => c.slug)).toEqual(["a-prod"]);
    expect(JSON.stringify(listed)).not.toMatch(/tokenHash|bmp_cl_[A-Za-z0-9_-]{20}/);
    expect((await clustersRoute.GET(get(`/api/v1/clusters?org=${b.org.slug}`, ka.read))).status).toBe(403);
    // A cluster (agent) token is not an API credential.
    const { token: agent } = await createCluster(a.org.id, admin(a), { slug: "a-dev", name: "A dev" });
    expect((await clustersRoute.GET(get("/api/v1/clusters", agent))).status).toBe(403);
  });

  it("hides other orgs from session users (404) and lets members read", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    await createCluster(a.org.id, admin(a), { slug: "a-prod", name: "A prod" });
    signInAs(b.users.owner);
    expect((await clustersRoute.GET(get(`/api/v1/clusters?org=${a.org.slug}`))).status).toBe(404);
    signInAs(a.users.member);
    const res = await clustersRoute.GET(get(`/api/v1/clusters?org=${a.org.slug}`));
    expect((await body(res)).data.map((c) => c.slug)).toEqual(["a-prod"]);
  });

  it("creates a cluster with an admin token or admin session, returning a working agent token once", async () => {
    const t = await createTestTenant();
    const k = await tokens(t);
    signInAs(null);

    const readOnly = await clustersRoute.POST(post("/api/v1/clusters", { slug: "prod", name: "Prod" }, k.read));
    expect(readOnly.status).toBe(403);

    const created = await clustersRoute.POST(post("/api/v1/clusters", { slug: "prod", name: "Prod" }, k.admin));
    expect(created.status).toBe(201);
    const { data } = (await created.json()) as { data: { id: string; agentToken: { token: string; hint: string } } };
    expect(await authenticateToken(data.agentToken.token)).toMatchObject({ clusterId: data.id, kind: "cluster" });
    const audit = await db.auditLog.findFirstOrThrow({ where: { orgId: t.org.id, action: "cluster.created" } });
    expect(audit).toMatchObject({ actorLabel: "fleet", actorUserId: null, targetLabel: "prod" });
    expect(audit.actorTokenId).not.toBeNull();

    const duplicate = await clustersRoute.POST(post("/api/v1/clusters", { slug: "prod", name: "Again" }, k.admin));
    expect(duplicate.status).toBe(409);
    const invalid = await clustersRoute.POST(post("/api/v1/clusters", { slug: "Not A Slug!", name: "" }, k.admin));
    expect(invalid.status).toBe(400);
    const details = ((await invalid.json()) as { error: { details: { path: string }[] } }).error.details;
    expect(details.map((d) => d.path).sort()).toEqual(["name", "slug"]);

    signInAs(t.users.member);
    const member = await clustersRoute.POST(post(`/api/v1/clusters?org=${t.org.slug}`, { slug: "dev", name: "Dev" }));
    expect(member.status).toBe(403);
    signInAs(t.users.admin);
    const bySession = await clustersRoute.POST(
      post(`/api/v1/clusters?org=${t.org.slug}`, { slug: "dev", name: "Dev" }),
    );
    expect(bySession.status).toBe(201);
    expect(await db.auditLog.count({ where: { orgId: t.org.id, action: "cluster.created" } })).toBe(2);
  });

  it("paginates with an opaque cursor", async () => {
    const t = await createTestTenant();
    for (const slug of ["c1", "c2", "c3", "c4", "c5"]) await createCluster(t.org.id, admin(t), { slug, name: slug });
    const k = await tokens(t);
    const seen: unknown[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await clustersRoute.GET(
        get(`/api/v1/clusters?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, k.read),
      );
      const page = await body(res);
      seen.push(...page.data.map((c) => c.slug));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(["c1", "c2", "c3", "c4", "c5"]);
    expect(pages).toBe(3);
    expect((await clustersRoute.GET(get("/api/v1/clusters?limit=0", k.read))).status).toBe(400);
    expect((await clustersRoute.GET(get("/api/v1/clusters?cursor=%%%", k.read))).status).toBe(400);
  });
});

describe("GET /api/v1/teams", () => {
  it("lists teams in priority order; members see only their own teams", async () => {
    const t = await createTestTenant();
    await createTestTeam(t.org.id, {
      slug: "aa-first",
      priority: 1,
      rules: [{ effect: "include", namespace: "payments-*" }],
    });
    const k = await tokens(t);
    signInAs(null);
    const all = await body(await teamsRoute.GET(get("/api/v1/teams", k.read)));
    expect(all.data).toHaveLength(3);
    expect(all.data[0]).toMatchObject({
      slug: "aa-first",
      priority: 1,
      scopeRules: [{ effect: "include", namespace: "payments-*", cluster: "*" }],
    });
    signInAs(t.users.viewer);
    const mine = await body(await teamsRoute.GET(get(`/api/v1/teams?org=${t.org.slug}`)));
    expect(mine.data.map((team) => team.slug)).toEqual([t.team.slug]);
    const paged = await body(await teamsRoute.GET(get("/api/v1/teams?limit=2", k.read)));
    const rest = await body(
      await teamsRoute.GET(get(`/api/v1/teams?limit=2&cursor=${encodeURIComponent(paged.nextCursor!)}`, k.read)),
    );
    expect([...paged.data, ...rest.data].map((team) => team.slug)).toEqual(all.data.map((team) => team.slug));
    expect(rest.nextCursor).toBeNull();
  });
});

describe("GET /api/v1/audit-log", () => {
  it("is for org admins only: admin token or admin session", async () => {
    const t = await createTestTenant();
    const k = await tokens(t);
    signInAs(null);
    expect((await auditRoute.GET(get("/api/v1/audit-log", k.read))).status).toBe(403);
    const res = await auditRoute.GET(get("/api/v1/audit-log", k.admin));
    expect(res.status).toBe(200);
    // The two token.created rows of tokens() itself.
    expect((await body(res)).data.map((r) => r.action)).toEqual(["token.created", "token.created"]);
    signInAs(t.users.member);
    expect((await auditRoute.GET(get(`/api/v1/audit-log?org=${t.org.slug}`))).status).toBe(403);
    signInAs(t.users.admin);
    expect((await auditRoute.GET(get(`/api/v1/audit-log?org=${t.org.slug}`))).status).toBe(200);
  });

  it("filters and paginates, and never shows another org's rows", async () => {
    const t = await createTestTenant();
    const other = await createTestTenant();
    const k = await tokens(t);
    await tokens(other);
    for (const slug of ["c1", "c2", "c3"]) await createCluster(t.org.id, admin(t), { slug, name: slug });
    signInAs(null);

    const clusters = await body(await auditRoute.GET(get("/api/v1/audit-log?action=cluster.created&limit=2", k.admin)));
    expect(clusters.data.map((r) => (r.target as { label: string }).label)).toEqual(["c3", "c2"]);
    const next = await body(
      await auditRoute.GET(
        get(
          `/api/v1/audit-log?action=cluster.created&limit=2&cursor=${encodeURIComponent(clusters.nextCursor!)}`,
          k.admin,
        ),
      ),
    );
    expect(next.data.map((r) => (r.target as { label: string }).label)).toEqual(["c1"]);
    expect(next.nextCursor).toBeNull();

    const byActor = await body(await auditRoute.GET(get(`/api/v1/audit-log?actor=${t.users.admin.email}`, k.admin)));
    expect(byActor.data).toHaveLength(5);
    const future = await body(await auditRoute.GET(get("/api/v1/audit-log?from=2999-01-01", k.admin)));
    expect(future.data).toEqual([]);
    const badDate = await auditRoute.GET(get("/api/v1/audit-log?from=soon", k.admin));
    expect(badDate.status).toBe(400);
    const all = await body(await auditRoute.GET(get("/api/v1/audit-log?limit=500", k.admin)));
    expect(all.data.every((r) => (r.actor as { label: string }).label === t.users.admin.email)).toBe(true);
  });
});

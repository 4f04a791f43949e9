import { afterEach, describe, expect, it } from "vitest";
import { createOrgToken } from "@/lib/tokens/create-org-token";
import { createTestTenant } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import { db } from "@/lib/server/db";
import * as slaRoute from "./sla/route";
import * as teamSlaRoute from "./teams/[team]/sla/route";

// The SLA API: the same verbs as the settings pages, with read tokens refused on writes, team
// admins limited to their team, and other orgs' teams not found.

type TTenant = Awaited<ReturnType<typeof createTestTenant>>;
const BASE = "http://bumpers.test";

afterEach(() => signInAs(null));

function request(method: string, path: string, body?: unknown, token?: string) {
  return new Request(BASE + path, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : { origin: BASE }),
    },
  });
}

async function tokens(t: TTenant) {
  const actor = { userId: t.users.admin.id, label: t.users.admin.email };
  const read = await createOrgToken(t.org.id, actor, { name: "reader", kind: "org_read" });
  const admin = await createOrgToken(t.org.id, actor, { name: "terraform", kind: "org_admin" });
  return { read: read.secret, admin: admin.secret };
}

const teamParams = (team: string) => ({ params: Promise.resolve({ team }) });
const STRICT = { critical: 3, high: 14, medium: null, low: null };

describe("/api/v1/sla", () => {
  it("reads the policies with any token and writes the org's with an admin token only", async () => {
    const t = await createTestTenant();
    const k = await tokens(t);
    const read = await slaRoute.GET(request("GET", "/api/v1/sla", undefined, k.read));
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual({
      data: { org: { critical: 7, high: 30, medium: 90, low: null }, orgIsDefault: true, teams: [] },
    });

    const policy = { critical: 5, high: 20, medium: 60, low: 180 };
    expect((await slaRoute.PUT(request("PUT", "/api/v1/sla", policy, k.read))).status).toBe(403);
    const put = await slaRoute.PUT(request("PUT", "/api/v1/sla", policy, k.admin));
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ data: policy });
    const audit = await db.auditLog.findFirstOrThrow({ where: { orgId: t.org.id, action: "sla.org_policy_changed" } });
    expect(audit.actorLabel).toBe("terraform");

    const bad = await slaRoute.PUT(request("PUT", "/api/v1/sla", { ...policy, critical: 0 }, k.admin));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "bad_request", details: [{ path: "critical" }] } });
  });

  it("sets and clears a team's policy, refusing a laxer value field by field", async () => {
    const t = await createTestTenant();
    const k = await tokens(t);
    const path = `/api/v1/teams/${t.team.slug}/sla`;
    expect((await teamSlaRoute.PUT(request("PUT", path, STRICT, k.read), teamParams(t.team.slug))).status).toBe(403);
    const lax = await teamSlaRoute.PUT(request("PUT", path, { ...STRICT, high: 45 }, k.admin), teamParams(t.team.slug));
    expect(lax.status).toBe(400);
    expect(await lax.json()).toMatchObject({ error: { details: { fieldErrors: { high: [expect.any(String)] } } } });

    const put = await teamSlaRoute.PUT(request("PUT", path, STRICT, k.admin), teamParams(t.team.slug));
    expect(put.status).toBe(200);
    const got = await teamSlaRoute.GET(request("GET", path, undefined, k.read), teamParams(t.team.slug));
    expect(await got.json()).toMatchObject({
      data: { team: { slug: t.team.slug }, policy: { critical: 3, high: 14, medium: 90, low: null }, own: STRICT },
    });
    const listed = (await (await slaRoute.GET(request("GET", "/api/v1/sla", undefined, k.read))).json()) as {
      data: { teams: { teamSlug: string }[] };
    };
    expect(listed.data.teams.map((x) => x.teamSlug)).toEqual([t.team.slug]);

    expect(
      (await teamSlaRoute.DELETE(request("DELETE", path, undefined, k.read), teamParams(t.team.slug))).status,
    ).toBe(403);
    const del = await teamSlaRoute.DELETE(request("DELETE", path, undefined, k.admin), teamParams(t.team.slug));
    expect(await del.json()).toMatchObject({ data: { cleared: true } });
  });

  it("lets a signed-in team admin change only their own team, and hides other orgs' teams", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    signInAs(a.users.teamAdmin);
    const own = `/api/v1/teams/${a.team.slug}/sla?org=${a.org.slug}`;
    expect((await teamSlaRoute.PUT(request("PUT", own, STRICT), teamParams(a.team.slug))).status).toBe(200);
    // Another team of the same org: not theirs to see (404); the org's policy: not theirs to change.
    const other = `/api/v1/teams/${a.otherTeam.slug}/sla?org=${a.org.slug}`;
    expect((await teamSlaRoute.PUT(request("PUT", other, STRICT), teamParams(a.otherTeam.slug))).status).toBe(404);
    expect((await slaRoute.PUT(request("PUT", `/api/v1/sla?org=${a.org.slug}`, STRICT))).status).toBe(403);
    // A viewer reads the team's policy but does not change it.
    signInAs(a.users.viewer);
    expect((await teamSlaRoute.GET(request("GET", own), teamParams(a.team.slug))).status).toBe(200);
    expect((await teamSlaRoute.DELETE(request("DELETE", own), teamParams(a.team.slug))).status).toBe(403);

    // Org B's admin token names org B: org A's team slug is not found there.
    const kb = await tokens(b);
    const foreign = await teamSlaRoute.PUT(
      request("PUT", `/api/v1/teams/${a.team.slug}/sla`, STRICT, kb.admin),
      teamParams(a.team.slug),
    );
    expect(foreign.status).toBe(404);
    // Org B's owner signed in, naming org A: not found.
    signInAs(b.users.owner);
    expect((await slaRoute.GET(request("GET", `/api/v1/sla?org=${a.org.slug}`))).status).toBe(404);
    expect(await db.slaPolicy.count({ where: { orgId: a.org.id } })).toBe(1);
  });
});

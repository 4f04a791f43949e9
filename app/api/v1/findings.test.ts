import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type createTestTenant } from "@/lib/testing/factories";
import { createTenantWithReport } from "@/lib/testing/reports";
import { signInAs } from "@/lib/testing/session";
import { createOrgToken } from "@/lib/tokens/create-org-token";
import { errorOf } from "@/lib/testing/http";
import * as listRoute from "./findings/route";
import * as detailRoute from "./findings/[id]/route";
import * as exportRoute from "./findings/export/route";

const POLARIS = readFileSync(path.resolve(process.cwd(), "../shared/fixtures/polaris/audit-dashboard-sample.json"));
const BASE = "http://bumpers.test";

type TTenant = Awaited<ReturnType<typeof createTestTenant>>;
type TList = { data: { id: string; team: { slug: string } | null; title: string }[]; nextCursor: string | null };

function get(pathAndQuery: string, token?: string) {
  return new Request(BASE + pathAndQuery, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

async function seed() {
  const { t, actor } = await createTenantWithReport("polaris", POLARIS);
  const read = await createOrgToken(t.org.id, actor, { name: "reader", kind: "org_read" });
  return { t, token: read.secret };
}

describe("GET /api/v1/findings", () => {
  let a: { t: TTenant; token: string };
  let b: { t: TTenant; token: string };
  beforeAll(async () => {
    a = await seed();
    b = await seed();
  });

  it("lists the org's open findings for an org read token, with cursor pagination", async () => {
    const first = (await (await listRoute.GET(get("/api/v1/findings?limit=20", a.token))).json()) as TList;
    expect(first.data).toHaveLength(20);
    expect(first.nextCursor).toBeTruthy();
    const rest = (await (
      await listRoute.GET(get(`/api/v1/findings?limit=20&cursor=${first.nextCursor}`, a.token))
    ).json()) as TList;
    expect(rest.data).toHaveLength(9);
    expect(rest.nextCursor).toBeNull();
  });

  it("scopes a session to the member's teams", async () => {
    signInAs(a.t.users.viewer);
    const res = await listRoute.GET(get(`/api/v1/findings?org=${a.t.org.slug}&limit=100`));
    const page = (await res.json()) as TList;
    expect(page.data).toHaveLength(18);
    expect(page.data.every((f) => f.team?.slug === a.t.team.slug)).toBe(true);
    signInAs(a.t.users.member);
    const none = (await (await listRoute.GET(get(`/api/v1/findings?org=${a.t.org.slug}`))).json()) as TList;
    expect(none.data).toEqual([]);
    signInAs(null);
  });

  it("answers 400 naming the filter for an unknown value", async () => {
    const res = await listRoute.GET(get("/api/v1/findings?severity=urgent", a.token));
    expect(res.status).toBe(400);
    expect((await errorOf(res)).details).toMatchObject({ field: "severity" });
  });

  it("groups by check", async () => {
    const res = await listRoute.GET(get("/api/v1/findings?group=check&limit=100", a.token));
    const page = (await res.json()) as { data: { checkId: string; resources: number }[] };
    expect(page.data.find((g) => g.checkId === "pullPolicyNotAlways")?.resources).toBe(5);
  });

  it("answers 404 for a finding of another org, and for another team's finding to a member", async () => {
    const theirs = ((await (await listRoute.GET(get("/api/v1/findings?limit=1", b.token))).json()) as TList).data[0];
    const res = await detailRoute.GET(get(`/api/v1/findings/${theirs.id}`, a.token), {
      params: Promise.resolve({ id: theirs.id }),
    });
    expect(res.status).toBe(404);
    const unassigned = (
      (await (await listRoute.GET(get("/api/v1/findings?team=unassigned&limit=1", a.token))).json()) as TList
    ).data[0];
    signInAs(a.t.users.viewer);
    const hidden = await detailRoute.GET(get(`/api/v1/findings/${unassigned.id}?org=${a.t.org.slug}`), {
      params: Promise.resolve({ id: unassigned.id }),
    });
    expect(hidden.status).toBe(404);
    signInAs(null);
    const own = await detailRoute.GET(get(`/api/v1/findings/${unassigned.id}`, a.token), {
      params: Promise.resolve({ id: unassigned.id }),
    });
    expect(own.status).toBe(200);
  });

  it("exports the filtered view as CSV, formulas escaped", async () => {
    const res = await exportRoute.GET(get("/api/v1/findings/export?source=polaris", a.token));
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = (await res.text()).trim().split("\n");
    expect(lines[0]).toMatch(/^id,severity,score,title/);
    expect(lines).toHaveLength(30);
  });

  it("needs a token or a session", async () => {
    expect((await listRoute.GET(get("/api/v1/findings"))).status).toBe(401);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { allocation, uploadReport } from "@/lib/cost/testing/upload";
import { pool } from "@/lib/server/db";
import { createTestCluster, createTestTenant } from "@/lib/testing/factories";
import { errorOf } from "@/lib/testing/http";
import { signInAs } from "@/lib/testing/session";
import { createOrgToken } from "@/lib/tokens/create-org-token";
import * as budgetsRoute from "./cost/budgets/route";
import * as labelsRoute from "./cost/labels/route";
import * as overviewRoute from "./cost/overview/route";
import * as teamRoute from "./cost/teams/[team]/route";

const BASE = "http://bumpers.test";
type TTenant = Awaited<ReturnType<typeof createTestTenant>>;

function get(pathAndQuery: string, token?: string) {
  return new Request(BASE + pathAndQuery, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

const teamGet = (team: string, query: string, token?: string) =>
  teamRoute.GET(get(`/api/v1/cost/teams/${team}?${query}`, token), { params: Promise.resolve({ team }) });

async function seed() {
  const t = await createTestTenant();
  await pool.query(`UPDATE teams SET scope_rules = $2 WHERE id = $1`, [
    t.team.id,
    JSON.stringify([{ effect: "include", cluster: "*", namespace: "shop", kind: "*", name: "*", labels: {} }]),
  ]);
  await pool.query(`UPDATE teams SET scope_rules = $2 WHERE id = $1`, [
    t.otherTeam.id,
    JSON.stringify([{ effect: "include", cluster: "*", namespace: "search", kind: "*", name: "*", labels: {} }]),
  ]);
  const cluster = await createTestCluster(t.org.id);
  const w = { start: "2026-10-05T00:00:00Z", end: "2026-10-06T00:00:00Z" };
  const dep = (ns: string, name: string, labels: Record<string, string>) =>
    allocation(name, { namespace: ns, controller: name, controllerKind: "deployment", labels }, w, { cpu: 4, ram: 1 });
  await uploadReport(t.org.id, cluster.id, "opencost", {
    code: 200,
    data: [
      {
        "shop/web": dep("shop", "web", { "app.kubernetes.io/name": "storefront", product: "checkout" }),
        "search/indexer": dep("search", "indexer", { app: "indexer" }),
        "misc/cron": dep("misc", "cron", {}),
        __idle__: allocation("__idle__", {}, w, { cpu: 5 }),
      },
    ],
  });
  const actor = { userId: t.users.admin.id, label: t.users.admin.email };
  const read = await createOrgToken(t.org.id, actor, { name: "reader", kind: "org_read" });
  return { t, token: read.secret };
}

const RANGE = "range=custom&from=2026-10-01&to=2026-10-10";

describe("/api/v1/cost", () => {
  let a: { t: TTenant; token: string };
  let b: { t: TTenant; token: string };
  beforeAll(async () => {
    a = await seed();
    b = await seed();
  });

  it("answers the org overview for a read token: total, series by team, team table with idle", async () => {
    const res = await overviewRoute.GET(get(`/api/v1/cost/overview?${RANGE}&groupBy=team`, a.token));
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as {
      data: {
        summary: { total: number; currency: string };
        series: {
          total: number;
          series: { key: string; label: string }[];
          data: Record<string, number | string | null>[];
        };
        teams: { key: string; bucket: string; cost: number }[];
      };
    };
    expect(data.summary).toMatchObject({ total: 20, currency: "USD" });
    expect(data.series.total).toBe(20);
    // Chart rows: one per day of the range, the teams plus unassigned and idle as series.
    expect(data.series.data).toHaveLength(10);
    expect(data.series.series.map((x) => x.label).sort()).toEqual(
      [a.t.otherTeam.name, a.t.team.name, "Idle capacity", "Unassigned"].sort(),
    );
    expect(data.series.data.find((d) => d.day === "2026-10-05")?.idle).toBe(5);
    expect(data.series.data.find((d) => d.day === "2026-10-04")?.idle).toBeNull();
    expect(Object.fromEntries(data.teams.map((r) => [r.bucket === "team" ? r.key : r.bucket, r.cost]))).toEqual({
      [a.t.team.id]: 5,
      [a.t.otherTeam.id]: 5,
      unassigned: 5,
      idle: 5,
    });
  });

  it("answers a team's cost by service, and the label view with (none)", async () => {
    const res = await teamGet(a.t.team.slug, `${RANGE}&by=service`, a.token);
    const { data } = (await res.json()) as {
      data: { summary: { total: number }; breakdown: { key: string; cost: number }[] };
    };
    expect(data.summary.total).toBe(5);
    expect(data.breakdown.map((r) => r.key)).toEqual(["storefront"]);
    const labels = (await (await labelsRoute.GET(get(`/api/v1/cost/labels?key=product&${RANGE}`, a.token))).json()) as {
      data: { rows: { value: string; cost: number }[]; keys: string[] };
    };
    expect(Object.fromEntries(labels.data.rows.map((r) => [r.value, r.cost]))).toEqual({
      checkout: 5,
      "(none)": 10,
      __idle__: 5,
    });
    expect(labels.data.keys).toContain("app.kubernetes.io/name");
  });

  it("limits a session to the member's teams: another team and unassigned are not_found", async () => {
    signInAs(a.t.users.viewer);
    const own = await teamGet(a.t.team.slug, `${RANGE}&org=${a.t.org.slug}`);
    expect(own.status).toBe(200);
    const other = await teamGet(a.t.otherTeam.slug, `${RANGE}&org=${a.t.org.slug}`);
    expect(other.status).toBe(404);
    expect((await errorOf(other)).code).toBe("not_found");
    expect((await teamGet("unassigned", `${RANGE}&org=${a.t.org.slug}`)).status).toBe(404);
    const overview = (await (
      await overviewRoute.GET(get(`/api/v1/cost/overview?${RANGE}&org=${a.t.org.slug}`))
    ).json()) as {
      data: { summary: { total: number }; teams: { key: string }[] };
    };
    expect(overview.data.summary.total).toBe(5);
    expect(overview.data.teams.map((r) => r.key)).toEqual([a.t.team.id]);
    signInAs(null);
  });

  it("keeps tenants apart: another org's team is not_found, another org's slug is refused", async () => {
    expect((await teamGet(b.t.team.slug, RANGE, a.token)).status).toBe(404);
    signInAs(a.t.users.admin);
    expect((await overviewRoute.GET(get(`/api/v1/cost/overview?${RANGE}&org=${b.t.org.slug}`))).status).toBe(404);
    signInAs(null);
    expect((await overviewRoute.GET(get(`/api/v1/cost/overview?${RANGE}&org=${b.t.org.slug}`, a.token))).status).toBe(
      403,
    );
  });

  it("answers 400 naming the parameter for bad input, 401 without credentials", async () => {
    const bad = await overviewRoute.GET(get("/api/v1/cost/overview?range=custom&from=2026-10-01", a.token));
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).details).toMatchObject({ field: "from" });
    const top = await overviewRoute.GET(get("/api/v1/cost/overview?top=0", a.token));
    expect((await errorOf(top)).details).toMatchObject({ field: "top" });
    const group = await overviewRoute.GET(get("/api/v1/cost/overview?groupBy=planet", a.token));
    expect((await errorOf(group)).details).toMatchObject({ field: "groupBy" });
    const label = await labelsRoute.GET(get("/api/v1/cost/labels", a.token));
    expect((await errorOf(label)).details).toMatchObject({ field: "key" });
    expect((await budgetsRoute.GET(get("/api/v1/cost/budgets"))).status).toBe(401);
  });
});

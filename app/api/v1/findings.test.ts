import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { actorFor, createTestCluster, createTestTenant } from "@/lib/testing/factories";
import { insertRule, insertSlaFinding } from "@/lib/findings/sla-testing";
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

describe("GET /api/v1/findings: due dates, tags and rules", () => {
  type TItem = {
    title: string;
    due: string | null;
    overdue: boolean;
    tags: string[];
    reportedSeverity: string | null;
    changedByRules: string[];
  };
  let token: string;
  let rule: string;
  let foreignRule: string;
  const titles = async (query: string) => {
    const res = await listRoute.GET(get(`/api/v1/findings?${query}`, token));
    expect(res.status).toBe(200);
    return ((await res.json()) as { data: TItem[] }).data.map((f) => f.title).sort();
  };

  beforeAll(async () => {
    const t = await createTestTenant();
    const other = await createTestTenant();
    const cluster = await createTestCluster(t.org.id, { slug: "prod" });
    token = (await createOrgToken(t.org.id, actorFor(t.users.admin), { name: "reader", kind: "org_read" })).secret;
    rule = await insertRule(t.org.id, "PCI workloads");
    foreignRule = await insertRule(other.org.id, "Their rule");
    const base = { orgId: t.org.id, clusterId: cluster.id };
    await insertSlaFinding({
      ...base,
      title: "late",
      severity: "medium",
      reportedSeverity: "critical",
      startedDaysAgo: 100,
      tags: ["pci"],
      ruleMarks: { severity: rule, tags: { pci: rule } },
    });
    await insertSlaFinding({ ...base, title: "on time", startedDaysAgo: 1 });
    await insertSlaFinding({ ...base, title: "no sla", severity: "low", tags: ["platform"] });
  });

  it("gives each finding its due date, overdue flag, tags, reported severity and the rules that changed it", async () => {
    const res = await listRoute.GET(get("/api/v1/findings?limit=10", token));
    const items = ((await res.json()) as { data: TItem[] }).data;
    const late = items.find((f) => f.title === "late")!;
    expect(late).toMatchObject({ overdue: true, tags: ["pci"], reportedSeverity: "critical", changedByRules: [rule] });
    // Medium: 90 days from 100 days ago.
    expect(Math.round((Date.now() - Date.parse(late.due!)) / 86_400_000)).toBe(10);
    expect(items.find((f) => f.title === "no sla")).toMatchObject({ due: null, overdue: false, changedByRules: [] });
  });

  it("filters by overdue, due, tag and rule", async () => {
    expect(await titles("overdue=true")).toEqual(["late"]);
    expect(await titles("overdue=false")).toEqual(["late", "no sla", "on time"]);
    const week = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    expect(await titles(`due=${week}`)).toEqual(["late", "on time"]);
    expect(await titles("tag=pci&tag=platform")).toEqual(["late", "no sla"]);
    expect(await titles(`rule=${rule.toUpperCase()}`)).toEqual(["late"]);
  });

  it("answers an unknown or another org's rule with an empty list, never an error that tells them apart", async () => {
    expect(await titles("rule=00000000-0000-4000-8000-000000000000")).toEqual([]);
    expect(await titles(`rule=${foreignRule}`)).toEqual([]);
  });

  it("answers 400 naming the parameter for a bad date, flag, tag or rule id", async () => {
    for (const [query, field] of [
      ["due=2026-13-01", "due"],
      ["due=tomorrow", "due"],
      ["overdue=maybe", "overdue"],
      ["tag=Not%20a%20tag", "tag"],
      ["rule=sandbox", "rule"],
    ]) {
      const res = await listRoute.GET(get(`/api/v1/findings?${query}`, token));
      expect(res.status, query).toBe(400);
      expect((await errorOf(res)).details, query).toMatchObject({ field });
    }
  });

  it("exports due, overdue and tags as the last CSV columns", async () => {
    const res = await exportRoute.GET(get("/api/v1/findings/export?tag=pci,platform", token));
    const lines = (await res.text()).trim().split("\n");
    expect(lines[0]).toMatch(/,ticket,due,overdue,tags$/);
    const late = lines.find((l) => l.includes(",late,"))!;
    expect(late).toMatch(/,\d{4}-\d{2}-\d{2}T[\d:.]+Z,true,pci$/);
    expect(lines.find((l) => l.includes(",no sla,"))).toMatch(/,,false,platform$/);
  });
});

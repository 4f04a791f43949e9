import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestCluster, createTestTenant } from "@/lib/testing/factories";
import { errorOf } from "@/lib/testing/http";
import { signInAs } from "@/lib/testing/session";
import * as auditRoute from "./audit-log/route";
import * as deliveriesRoute from "./alerts/deliveries/route";
import * as clustersRoute from "./clusters/route";
import * as budgetsRoute from "./cost/budgets/route";
import * as labelsRoute from "./cost/labels/route";
import * as costOverviewRoute from "./cost/overview/route";
import * as costTeamRoute from "./cost/teams/[team]/route";
import * as detailRoute from "./findings/[id]/route";
import * as exportRoute from "./findings/export/route";
import * as overviewRoute from "./findings/overview/route";
import * as findingsRoute from "./findings/route";
import * as policiesRoute from "./policies/route";
import * as teamsRoute from "./teams/route";

// Every GET route of /api/v1 and every parameter it reads, under fuzzing with the values an
// outside probe found 500s with (issue 16, item 11): NUL characters, lone surrogates, impossible
// and out-of-range dates, in query and path parameters alike. None may answer 5xx, and a CSV
// export must either be refused before it starts or stream to its end.

const RUNS = Number(process.env.FUZZ_RUNS_DB ?? 40);
const BASE = "http://bumpers.test";

type THandler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type TRoute = { path: string; handler: THandler; query: string[]; params?: Record<string, string> };

const FINDING_FILTERS = [
  ...["team", "cluster", "namespace", "severity", "category", "source", "check", "status", "assignee"],
  ...["from", "to", "q", "sort", "group"],
];
const COST_RANGE = ["range", "from", "to"];
const h = (m: { GET: unknown }) => m.GET as THandler;

const ROUTES: TRoute[] = [
  { path: "/api/v1/findings", handler: h(findingsRoute), query: [...FINDING_FILTERS, "limit", "cursor"] },
  { path: "/api/v1/findings/export", handler: h(exportRoute), query: FINDING_FILTERS },
  { path: "/api/v1/findings/overview", handler: h(overviewRoute), query: FINDING_FILTERS },
  { path: "/api/v1/findings/x", handler: h(detailRoute), query: [], params: { id: "" } },
  { path: "/api/v1/clusters", handler: h(clustersRoute), query: ["limit", "cursor"] },
  { path: "/api/v1/teams", handler: h(teamsRoute), query: ["limit", "cursor"] },
  { path: "/api/v1/audit-log", handler: h(auditRoute), query: ["action", "actor", "from", "to", "limit", "cursor"] },
  {
    path: "/api/v1/alerts/deliveries",
    handler: h(deliveriesRoute),
    query: ["team", "destination", "status", "action", "limit", "cursor"],
  },
  {
    path: "/api/v1/cost/overview",
    handler: h(costOverviewRoute),
    query: [...COST_RANGE, "groupBy", "labelKey", "top"],
  },
  { path: "/api/v1/cost/teams/x", handler: h(costTeamRoute), query: [...COST_RANGE, "by"], params: { team: "" } },
  { path: "/api/v1/cost/labels", handler: h(labelsRoute), query: [...COST_RANGE, "key", "top"] },
  { path: "/api/v1/cost/budgets", handler: h(budgetsRoute), query: [] },
  { path: "/api/v1/policies", handler: h(policiesRoute), query: ["repository"] },
];

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** The values that broke routes, and random text with NUL and surrogates mixed in. */
const nastyValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "\u0000",
    "shop\u0000",
    "a\u0000b,c",
    "\ud800",
    "x\udfff",
    "2026-02-30",
    "0000-01-01",
    "0000-01-01T00:00:00Z",
    "9999-12-31",
    "2026-13-01",
    "custom",
    "label",
    "",
  ),
  fc
    .tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
    .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`),
  fc.string({
    unit: fc.oneof(
      fc.constantFrom("\u0000", "\ud800", "\udc00", "\uFFFD", ",", "%", "*", "_"),
      fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    ),
    maxLength: 12,
  }),
);

let org: string;

beforeAll(async () => {
  const t = await createTestTenant();
  await createTestCluster(t.org.id, { slug: "prod" });
  org = t.org.slug;
  signInAs(t.users.admin);
});

async function call(route: TRoute, query: [string, string][], params: Record<string, string> = {}) {
  const search = new URLSearchParams([["org", org], ...query]);
  const res = await route.handler(new Request(`${BASE}${route.path}?${search}`), {
    params: Promise.resolve({ ...route.params, ...params }),
  });
  // The whole body: a stream that fails halfway is a 500 the status line does not show.
  const text = await res.text();
  return { status: res.status, text };
}

describe("every /api/v1 parameter under fuzzing", () => {
  it("answers 2xx or 4xx, never 5xx, to any mix of NUL, lone surrogates and impossible dates", async () => {
    const routeAndQuery = fc
      .nat({ max: ROUTES.length - 1 })
      .chain((i) =>
        fc.tuple(
          fc.constant(ROUTES[i]),
          fc.array(fc.tuple(fc.constantFrom("org", ...ROUTES[i].query), nastyValue), { minLength: 1, maxLength: 3 }),
          nastyValue,
        ),
      );
    await fc.assert(
      fc.asyncProperty(routeAndQuery, async ([route, query, pathValue]) => {
        const params = Object.fromEntries(Object.keys(route.params ?? {}).map((k) => [k, pathValue]));
        const { status, text } = await call(route, query, params);
        expect(status, `${route.path}?${new URLSearchParams(query)} ${JSON.stringify(params)}: ${text}`).toBeLessThan(
          500,
        );
      }),
      { numRuns: RUNS },
    );
  });

  it.each(ROUTES.flatMap((route) => ["org", ...route.query].map((name) => [route.path, name, route] as const)))(
    "%s?%s= with a NUL is a 400 naming the parameter",
    async (_, name, route) => {
      const { status, text } = await call(route, [[name, "shop\u0000"]]);
      expect(status).toBe(400);
      expect(JSON.parse(text)).toMatchObject({ error: { code: "bad_request", details: { field: name } } });
    },
  );

  it.each(Object.entries({ findings: ROUTES[0], export: ROUTES[1], audit: ROUTES[6], cost: ROUTES[8] }))(
    "%s: impossible and out-of-range dates are a 400 naming the field",
    async (_, route) => {
      for (const day of ["2026-02-30", "0000-01-01", "2026-13-01"]) {
        const query: [string, string][] = [["from", day]];
        if (route === ROUTES[8]) query.push(["range", "custom"], ["to", "2026-03-01"]);
        const res = await route.handler(
          new Request(`${BASE}${route.path}?${new URLSearchParams([["org", org], ...query])}`),
          {
            params: Promise.resolve({}),
          },
        );
        expect(res.status, `${route.path} from=${day}`).toBe(400);
        expect(JSON.stringify(await errorOf(res))).toContain("from");
      }
    },
  );

  it("refuses NUL in a path segment (finding id, team slug) with a 400", async () => {
    expect((await call(ROUTES[3], [], { id: "a\u0000" })).status).toBe(400);
    expect((await call(ROUTES[9], [], { team: "shop\u0000" })).status).toBe(400);
  });
});

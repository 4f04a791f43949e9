import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createCluster } from "@/lib/clusters/create-cluster";
import { processPendingReports } from "@/lib/worker/process-report";
import { pool } from "@/lib/server/db";
import { createTestTenant } from "@/lib/testing/factories";
import {
  dirtsArbitrary,
  dirtyBytes,
  dirtyStrings,
  mutate,
  mutationsArbitrary,
  pathsOf,
} from "@/lib/testing/mutate-json";
import * as uploadRoute from "./organizations/[org]/clusters/[cluster]/data/[type]/route";

// The agent endpoint and the worker under fuzzing, end to end on the real database: mutated real
// reports, random JSON and random bytes (plain or gzip) never get a 5xx, and every stored report
// ends processed or failed with a reason: none stays queued, none takes the worker down.

const RUNS = Number(process.env.FUZZ_RUNS_DB ?? 25);
const fixture = (name: string) =>
  JSON.parse(readFileSync(path.resolve(process.cwd(), "../shared/fixtures", name), "utf8")) as unknown;
const REPORTS: [type: string, doc: unknown][] = [
  ["polaris", fixture("polaris/audit-dashboard-sample.json")],
  ["pluto", fixture("pluto/docs-output-example.json")],
  ["nova", fixture("nova/usage-output-example.json")],
  ["kube-bench", fixture("kube-bench/result.json")],
  ["trivy", fixture("trivy/alpine-39.json")],
  ["opencost", fixture("opencost/allocation-example-output.json")],
];
const PATHS = REPORTS.map(([, doc]) => pathsOf(doc));

type TCtx = { org: string; cluster: string; clusterId: string; token: string };
let ctx: TCtx;

beforeAll(async () => {
  const t = await createTestTenant();
  const actor = { userId: t.users.admin.id, label: t.users.admin.email };
  const { cluster, token } = await createCluster(t.org.id, actor, { slug: "fuzz", name: "Fuzz" });
  ctx = { org: t.org.slug, cluster: cluster.slug, clusterId: cluster.id, token };
});

async function upload(type: string, body: Uint8Array, gzip: boolean): Promise<number> {
  const params = { org: ctx.org, cluster: ctx.cluster, type };
  const req = new Request(`http://bumpers.test/v0/organizations/${ctx.org}/clusters/${ctx.cluster}/data/${type}`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${ctx.token}`,
      "content-type": "application/json",
      ...(gzip ? { "content-encoding": "gzip" } : {}),
    },
    body: Buffer.from(gzip ? gzipSync(body) : body),
  });
  const res = await uploadRoute.POST(req, { params: Promise.resolve(params) });
  return res.status;
}

const body = fc.oneof(
  fc
    .tuple(fc.nat({ max: REPORTS.length - 1 }), mutationsArbitrary())
    .map(([i, m]) => ({ type: REPORTS[i][0], json: mutate(REPORTS[i][1], PATHS[i], m) })),
  fc
    .tuple(fc.constantFrom(...REPORTS.map(([t]) => t)), fc.jsonValue({ maxDepth: 3 }))
    .map(([type, json]) => ({ type, json })),
);

describe("ingest under fuzzing", () => {
  it("answers 2xx or 4xx to mutated reports and random JSON, and the worker settles every one", async () => {
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), async ({ type, json }, gzip) => {
        const status = await upload(type, new TextEncoder().encode(JSON.stringify(json) ?? "null"), gzip);
        expect([200, 422]).toContain(status);
        await processPendingReports({ clusterId: ctx.clusterId });
      }),
      { numRuns: RUNS },
    );
    const { rows } = await pool.query<{ status: string; n: number; unexplained: number }>(
      `SELECT status::text, count(*)::int AS n, count(*) FILTER (WHERE status = 'failed' AND error IS NULL)::int AS unexplained
         FROM reports WHERE cluster_id = $1 GROUP BY status`,
      [ctx.clusterId],
    );
    expect(rows.find((r) => r.status === "received")).toBeUndefined();
    expect(rows.reduce((sum, r) => sum + r.unexplained, 0)).toBe(0);
    expect(rows.reduce((sum, r) => sum + r.n, 0)).toBeGreaterThan(0);
  });

  // Issue 16: NUL, lone surrogates and invalid UTF-8 in any string or key of a real report. An
  // upload the route acknowledges must be processed: never acknowledged, then lost for its bytes.
  it("processes every acknowledged report whose strings hold NUL, lone surrogates or invalid UTF-8", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: REPORTS.length - 1 }),
        dirtsArbitrary(),
        fc.nat(),
        fc.boolean(),
        async (i, dirts, seed, gzip) => {
          const [type, doc] = REPORTS[i];
          const status = await upload(type, dirtyBytes(dirtyStrings(doc, dirts), seed), gzip);
          expect([200, 422]).toContain(status);
          await processPendingReports({ clusterId: ctx.clusterId });
          if (status !== 200) return;
          const { rows } = await pool.query<{ status: string; error: string | null }>(
            `SELECT status::text, error FROM reports WHERE cluster_id = $1 AND type = $2
              ORDER BY received_at DESC, id DESC LIMIT 1`,
            [ctx.clusterId, type],
          );
          expect(rows[0]).toEqual({ status: "processed", error: null });
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("answers 4xx, never 5xx, to random bytes, plain or claiming gzip", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => {
        expect(await upload("polaris", bytes, false)).toBeLessThan(500);
        const claimed = await uploadClaimingGzip(bytes);
        expect(claimed).toBeGreaterThanOrEqual(400);
        expect(claimed).toBeLessThan(500);
      }),
      { numRuns: RUNS },
    );
  });
});

/** Bytes that say they are gzip but are not (unless they happen to be): a broken agent or proxy. */
async function uploadClaimingGzip(bytes: Uint8Array): Promise<number> {
  const params = { org: ctx.org, cluster: ctx.cluster, type: "polaris" };
  const req = new Request(`http://bumpers.test/v0/organizations/${ctx.org}/clusters/${ctx.cluster}/data/polaris`, {
    method: "POST",
    headers: { authorization: `Bearer ${ctx.token}`, "content-encoding": "gzip" },
    body: Buffer.from(bytes),
  });
  return (await uploadRoute.POST(req, { params: Promise.resolve(params) })).status;
}

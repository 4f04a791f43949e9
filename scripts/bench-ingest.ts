// Ingest benchmark: time from an agent's upload request to committed findings, against a bare
// COPY of the same normalized rows into the same tables, measured in the same run.
//
//   npm run bench:ingest [-- --runs 5]
//
// Uses DATABASE_URL's server (a scratch database is created and dropped) or an embedded PostgreSQL.
// Prints a Markdown table (copied into docs/benchmarks.md). Each case runs on a fresh cluster
// (the first upload is the heaviest: every finding is new), then the same bytes are uploaded
// again (a retry: must be a no-op) and the same content with a new timestamp (steady state).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { generatedTrivyReport } from "./bench-ingest-data";
import {
  argNumber,
  root,
  FINDING_COLUMNS,
  FINDING_OBJECT_COLUMNS,
  machineLine,
  ms,
  runBenchmark,
  withBenchDatabase,
  type TBenchDatabase,
} from "./lib/bench-kit";

const RUNS = argNumber("runs", 5);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function main() {
  await withBenchDatabase({ prefix: "bumpers_bench" }, measure);
}

async function measure({ server }: TBenchDatabase) {
  const { pool, db } = await import("@/lib/server/db");
  const { createCluster } = await import("@/lib/clusters/create-cluster");
  const { processPendingReports } = await import("@/lib/worker/process-report");
  const { copyRows } = await import("@/lib/ingest/process/copy-rows");
  // The upload route's own steps (app/v0/…/data/[type]/route.ts), without Next's request wrapper.
  const { authenticateClusterRequest } = await import("@/lib/ingest/authenticate-cluster");
  const { readReportBody } = await import("@/lib/ingest/read-body");
  const { receiveReport } = await import("@/lib/ingest/receive-report");

  const org = await db.organization.create({ data: { slug: "bench", name: "Bench" } });
  const user = await db.user.create({ data: { email: "bench@bench.example", name: "Bench" } });
  const actor = { userId: user.id, label: user.email };
  let clusterCount = 0;

  async function newCluster() {
    clusterCount++;
    return createCluster(org.id, actor, { slug: `c${clusterCount}`, name: `Cluster ${clusterCount}` });
  }

  /** One agent upload through the real route handler, then the worker's processing of it. */
  async function uploadAndProcess(cluster: { slug: string; token: string }, type: string, body: Buffer) {
    const started = performance.now();
    const req = new Request(`http://bench/v0/organizations/${org.slug}/clusters/${cluster.slug}/data/${type}`, {
      method: "POST",
      headers: { authorization: `Bearer ${cluster.token}`, "content-type": "application/json" },
      body: new Uint8Array(body),
    });
    const principal = await authenticateClusterRequest(req, org.slug, cluster.slug);
    await receiveReport({ ...principal, type, body: await readReportBody(req), headers: req.headers });
    const accepted = performance.now();
    await processPendingReports({ clusterId: principal.clusterId });
    return { total: performance.now() - started, request: accepted - started };
  }

  const TABLES: Record<string, string[]> = {
    findings: [
      ...FINDING_COLUMNS,
      "description",
      "remediation",
      ...FINDING_OBJECT_COLUMNS,
      "image_id",
      "vulnerability_id",
      "resource_id",
      "owner_team_id",
      "evidence",
      "status",
      "first_seen_at",
      "last_seen_at",
      "last_report_id",
    ],
    finding_events: ["org_id", "finding_id", "kind", "report_id", "created_at"],
  };

  /**
   * The floor: COPY of the rows the ingest wrote for `clusterId` (findings and their events) into
   * the same tables for a fresh cluster, with the same indexes, in one transaction.
   */
  async function bareCopy(clusterId: string): Promise<number> {
    const target = await newCluster();
    const findings = await pool.query(`SELECT ${TABLES.findings.join(", ")} FROM findings WHERE cluster_id = $1`, [
      clusterId,
    ]);
    const findingRows = findings.rows.map((r) =>
      TABLES.findings.map((c) => {
        if (c === "cluster_id") return target.cluster.id;
        if (c === "fingerprint") return `copy-${target.cluster.id}-${r.fingerprint}`;
        const v = r[c];
        if (v instanceof Date) return v.toISOString();
        return v !== null && typeof v === "object" ? JSON.stringify(v) : v;
      }),
    );
    const client = await pool.connect();
    try {
      const started = performance.now();
      await client.query("BEGIN");
      await copyRows(client, "findings", TABLES.findings, findingRows);
      // Events need the new finding ids: one set-based INSERT, as the ingest does.
      await client.query(
        `INSERT INTO finding_events (org_id, finding_id, kind, report_id, created_at)
         SELECT org_id, id, 'opened', last_report_id, first_seen_at FROM findings WHERE cluster_id = $1`,
        [target.cluster.id],
      );
      await client.query("COMMIT");
      return performance.now() - started;
    } finally {
      client.release();
    }
  }

  const cases: { name: string; type: string; body: Buffer }[] = [];
  const shared = path.resolve(root, "../shared/fixtures");
  if (existsSync(shared)) {
    cases.push({
      name: "Polaris fixture",
      type: "polaris",
      body: readFileSync(path.join(shared, "polaris/audit-dashboard-sample.json")),
    });
    cases.push({
      name: "Trivy fixture (minimized v0.26)",
      type: "trivy",
      body: readFileSync(path.join(shared, "trivy-insights/v0.26-latest.json")),
    });
  } else {
    console.warn("../shared/fixtures not found: only the generated report is measured.");
  }
  cases.push({
    name: "Generated Trivy: 500 images, 2,000 workloads",
    type: "trivy",
    body: generatedTrivyReport(500, 100, 2000),
  });

  const lines: string[] = [];
  lines.push(
    "| Report | Size | Findings | First upload (median) | of which request | Rows/s | Bare COPY (median) | Ratio | Same bytes again | Same content, new bytes |",
    "|---|---|---|---|---|---|---|---|---|---|",
  );
  for (const c of cases) {
    const totals: number[] = [];
    const requests: number[] = [];
    const copies: number[] = [];
    const retries: number[] = [];
    const steady: number[] = [];
    let findings = 0;
    for (let run = 0; run < RUNS; run++) {
      const cluster = await newCluster();
      const first = await uploadAndProcess({ slug: cluster.cluster.slug, token: cluster.token }, c.type, c.body);
      totals.push(first.total);
      requests.push(first.request);
      const counted = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM findings WHERE cluster_id = $1`, [
        cluster.cluster.id,
      ]);
      findings = counted.rows[0].n;
      copies.push(await bareCopy(cluster.cluster.id));
      const again = await uploadAndProcess({ slug: cluster.cluster.slug, token: cluster.token }, c.type, c.body);
      retries.push(again.total);
      const respaced = Buffer.concat([c.body, Buffer.from("\n")]);
      steady.push(
        (await uploadAndProcess({ slug: cluster.cluster.slug, token: cluster.token }, c.type, respaced)).total,
      );
    }
    const total = median(totals);
    const copy = median(copies);
    lines.push(
      `| ${c.name} | ${(c.body.length / 1024 / 1024).toFixed(1)} MB | ${findings.toLocaleString("en-US")} | ${ms(total)} | ${ms(median(requests))} | ${Math.round((findings / total) * 1000).toLocaleString("en-US")} | ${ms(copy)} | ${(total / copy).toFixed(1)}× | ${ms(median(retries))} | ${ms(median(steady))} |`,
    );
    console.error(`done: ${c.name}`);
  }
  console.log(`\nIngest benchmark, ${RUNS} runs per report, ${new Date().toISOString().slice(0, 10)}`);
  console.log(machineLine(server));
  console.log(lines.join("\n"));
  await pool.end();
}

runBenchmark(main);

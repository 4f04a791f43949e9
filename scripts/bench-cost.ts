// Cost benchmark: 90 days × 5,000 workloads × 20 clusters of daily cost rows (450,000 workload
// rows plus a daily idle row per cluster), written with COPY into a scratch database and rolled up
// with the same code ingest runs (rebuildCostRollups); then `next start` on loopback and autocannon
// (10 connections) against the three cost views of the API: a team's cost, the org overview and a
// label-grouped view.
//
//   npm run bench:cost [-- --days 90 --workloads 5000 --clusters 20 --seconds 10 --repeat 3]
//
// --database <name> keeps the data in that database (on DATABASE_URL's server) and reuses it;
// --port <n> fixes the app's port; --only <text> measures only matching views; --repeat <n>
// measures each view n times and reports the median of each percentile.
//
// Needs a production build (`npm run build`; run first when .next/ is missing). Prints Markdown
// (latency table and EXPLAIN plans) for docs/benchmarks.md.
import type { db, pool } from "@/lib/server/db";
import type { copyRows } from "@/lib/ingest/process/copy-rows";
import type { rebuildCostRollups } from "@/lib/cost/ingest/rollup";
import { startBenchApp, measureViews, uptimeLoad, type TBenchApp } from "./lib/bench-http";
import {
  argNumber,
  argText,
  explainPlans,
  loadBenchOrg,
  printReport,
  rng,
  root,
  runBenchmark,
  withBenchDatabase,
  type TBenchDatabase,
  type TBenchOrg,
} from "./lib/bench-kit";

const DAYS = argNumber("days", 90);
const WORKLOADS = argNumber("workloads", 5000);
const CLUSTERS = argNumber("clusters", 20);
const SECONDS = argNumber("seconds", 10);
const REPEAT = argNumber("repeat", 1);
const PORT = argNumber("port", 0);
const ONLY = argText("only");
const KEEP_DATABASE = argText("database");
const TEAMS = 50;
const PRODUCTS = ["checkout", "search", "payments", "catalog", "identity", "messaging", "analytics", "ads"];
const PASSWORD = "bench-password-1";
const OWNER = "owner@bench-cost.example";
const CPU = 0.031611;
const RAM = 0.004237;

async function main() {
  await withBenchDatabase({ prefix: "bumpers_bench_cost", keep: KEEP_DATABASE, build: true }, measure);
}

async function measure({ server, database }: TBenchDatabase) {
  let app: TBenchApp | undefined;
  try {
    const { pool, db } = await import("@/lib/server/db");
    const { copyRows } = await import("@/lib/ingest/process/copy-rows");
    const { rebuildCostRollups } = await import("@/lib/cost/ingest/rollup");
    const { hashPassword } = await import("@/lib/auth/passwords");
    const { createOrgToken } = await import("@/lib/tokens/create-org-token");
    const existing = await db.organization.findUnique({ where: { slug: "bench-cost" }, select: { id: true } });
    const data = existing
      ? await loadBenchOrg(db, existing.id, OWNER, "the cost rows")
      : await generate(db, pool, copyRows, rebuildCostRollups, hashPassword);
    const token = await createOrgToken(
      data.org.id,
      { userId: data.user.id, label: data.user.email },
      { name: "bench", kind: "org_read" },
    );
    const { rows: counts } = await pool.query<{ rows: number; rollup: number; labels: number }>(
      `SELECT (SELECT count(*)::int FROM cost_daily WHERE org_id = $1) AS rows,
              (SELECT count(*)::int FROM cost_rollup_daily WHERE org_id = $1) AS rollup,
              (SELECT count(*)::int FROM cost_label_daily WHERE org_id = $1) AS labels`,
      [data.org.id],
    );
    const team = data.teams[7];

    // EXPLAIN of the heaviest statement of each view, as the lib builds it.
    const today = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10);
    const previous = new Date(Date.now() - 59 * 86_400_000).toISOString().slice(0, 10);
    const plans: [string, { text: string; values: unknown[] }][] = [
      [
        "Team view: breakdown by service (cost_daily)",
        {
          text: `SELECT c.service, sum(c.total_cost) FILTER (WHERE c.day >= $4), sum(c.total_cost) FILTER (WHERE c.day < $4)
           FROM cost_daily c JOIN clusters cl ON cl.id = c.cluster_id
          WHERE c.org_id = $1 AND c.owner_team_id = $2::uuid AND c.day BETWEEN $3 AND $5 GROUP BY c.service`,
          values: [data.org.id, team.id, previous, from, today],
        },
      ],
      [
        "Org overview: team table (cost_rollup_daily)",
        {
          text: `SELECT owner_team_id, allocation, sum(total_cost) FILTER (WHERE day >= $3), sum(total_cost) FILTER (WHERE day < $3)
           FROM cost_rollup_daily r WHERE r.org_id = $1 AND day BETWEEN $2 AND $4 GROUP BY 1, 2`,
          values: [data.org.id, previous, from, today],
        },
      ],
      [
        "Label view: values of one key (cost_label_daily)",
        {
          text: `SELECT label_value, sum(total_cost) FROM cost_label_daily l
          WHERE l.org_id = $1 AND label_key = 'product' AND day BETWEEN $2 AND $3 GROUP BY 1`,
          values: [data.org.id, from, today],
        },
      ],
    ];
    const explained = await explainPlans(pool, plans);
    await pool.end();

    app = await startBenchApp(root, database.url, PORT);
    const base = app.base;
    const headers = { authorization: `Bearer ${token.secret}` };
    const targets: [string, string][] = [
      ["Team cost view (30 days, by service)", `/api/v1/cost/teams/${team.slug}?range=30d&by=service`],
      ["Team cost view (90 days, by workload)", `/api/v1/cost/teams/${team.slug}?range=90d&by=workload`],
      ["Org overview (30 days, by team)", `/api/v1/cost/overview?range=30d&groupBy=team`],
      ["Org overview (90 days, by namespace)", `/api/v1/cost/overview?range=90d&groupBy=namespace`],
      ["Label-grouped view (30 days, product)", `/api/v1/cost/labels?key=product&range=30d`],
      [
        "Org overview grouped by label (30 days, product)",
        `/api/v1/cost/overview?range=30d&groupBy=label&labelKey=product`,
      ],
    ];
    const table = await measureViews(
      base,
      targets.map(([name, url]) => ({ name, url, headers })),
      { only: ONLY, repeat: REPEAT, seconds: SECONDS, connections: 10 },
    );
    const c = counts[0];
    printReport(
      `\nCost benchmark, ${today}: ${DAYS} days × ${WORKLOADS.toLocaleString("en-US")} workloads × ${CLUSTERS} clusters = ${c.rows.toLocaleString("en-US")} cost_daily rows (${c.rollup.toLocaleString("en-US")} rollup rows, ${c.labels.toLocaleString("en-US")} label rollup rows), ${TEAMS} teams; autocannon, 10 connections, ${SECONDS} s per view${REPEAT > 1 ? `, median of ${REPEAT} runs (each run's p95 in brackets)` : ""}; ${uptimeLoad()} at the end`,
      server,
      table,
      explained,
    );
  } finally {
    await app?.stop();
  }
}

/** The org, teams and clusters, then the daily rows per cluster with COPY and the rollups as ingest builds them. */
async function generate(
  database: typeof db,
  connections: typeof pool,
  copy: typeof copyRows,
  rollup: typeof rebuildCostRollups,
  hashPassword: (password: string) => Promise<string>,
): Promise<TBenchOrg> {
  const started = performance.now();
  const org = await database.organization.create({ data: { slug: "bench-cost", name: "Bench cost" } });
  const user = await database.user.create({
    data: { email: OWNER, name: "Bench Owner", passwordHash: await hashPassword(PASSWORD) },
  });
  await database.membership.create({ data: { orgId: org.id, userId: user.id, role: "owner" } });
  const teams = await Promise.all(
    Array.from({ length: TEAMS }, (_, i) =>
      database.team.create({ data: { orgId: org.id, slug: `team-${String(i).padStart(2, "0")}`, name: `Team ${i}` } }),
    ),
  );
  const clusters = await Promise.all(
    Array.from({ length: CLUSTERS }, (_, i) =>
      database.cluster.create({ data: { orgId: org.id, slug: `cluster-${i}`, name: `Cluster ${i}` } }),
    ),
  );
  const random = rng(7);
  // Each workload: a cluster, a team (a tenth unowned), a namespace of its team, a size and labels.
  const workloads = Array.from({ length: WORKLOADS }, (_, w) => {
    const t = w % TEAMS;
    const owned = w % 10 !== 9;
    const labels: Record<string, string> = { "app.kubernetes.io/name": `svc-${w}`, team: teams[t].slug };
    if (w % 7 !== 0) labels.product = PRODUCTS[w % PRODUCTS.length];
    if (w % 3 === 0) labels.feature = `feature-${w % 40}`;
    return {
      cluster: clusters[w % CLUSTERS].id,
      team: owned ? teams[t].id : null,
      namespace: `${teams[t].slug}-${w % 4}`,
      name: `svc-${w}`,
      cpu: 0.1 + random() * 2,
      ram: 0.25 + random() * 6,
      labels: JSON.stringify(labels),
    };
  });
  const days = Array.from({ length: DAYS }, (_, d) => new Date(Date.now() - d * 86_400_000).toISOString().slice(0, 10));
  const columns = [
    "org_id",
    "cluster_id",
    "day",
    "namespace",
    "kind",
    "workload",
    "container",
    "allocation",
    "source",
    "owner_team_id",
    "service",
    "labels",
    "cpu_core_hours_requested",
    "cpu_core_hours_used",
    "memory_gib_hours_requested",
    "memory_gib_hours_used",
    "cpu_cost",
    "memory_cost",
    "storage_cost",
    "total_cost",
    "in_cluster_cost",
    "used_cost",
    "requested_cost",
  ];
  const client = await connections.connect();
  try {
    for (const cluster of clusters) {
      await client.query("BEGIN");
      const rows: (string | number | null)[][] = [];
      for (const day of days) {
        let allocated = 0;
        for (const w of workloads) {
          if (w.cluster !== cluster.id) continue;
          const f = 0.8 + random() * 0.4;
          const cpuReq = w.cpu * 24;
          const ramReq = w.ram * 24;
          const cpuUsed = cpuReq * (0.2 + random() * 0.7);
          const ramUsed = ramReq * (0.4 + random() * 0.5);
          const cpuCost = cpuReq * CPU * f;
          const ramCost = ramReq * RAM * f;
          const storage = w.name.endsWith("0") ? 0.26 : 0;
          const total = cpuCost + ramCost + storage;
          allocated += total;
          rows.push([
            org.id,
            cluster.id,
            day,
            w.namespace,
            "Deployment",
            w.name,
            "",
            "workload",
            "opencost",
            w.team,
            w.name,
            w.labels,
            cpuReq,
            cpuUsed,
            ramReq,
            ramUsed,
            cpuCost,
            ramCost,
            storage,
            total,
            total,
            cpuUsed * CPU * f + ramUsed * RAM * f,
            cpuCost + ramCost,
          ]);
        }
        const idle = allocated * 0.25;
        rows.push([
          org.id,
          cluster.id,
          day,
          "__idle__",
          "",
          "__idle__",
          "",
          "idle",
          "opencost",
          null,
          "__idle__",
          "{}",
          0,
          null,
          0,
          null,
          idle / 2,
          idle / 2,
          0,
          idle,
          idle,
          0,
          0,
        ]);
      }
      await copy(client, "cost_daily", columns, rows);
      await rollup(client, org.id, cluster.id, days);
      await client.query("COMMIT");
    }
    await client.query("VACUUM ANALYZE cost_daily, cost_rollup_daily, cost_label_daily");
  } finally {
    client.release();
  }
  console.error(`generated ${DAYS} days of cost in ${Math.round((performance.now() - started) / 1000)} s`);
  return { org, user, teams };
}

runBenchmark(main);

// Notifications benchmark, two figures:
//  1. Weekly digests for 200 teams (and the org) over 1,000,000 findings (1.2 M finding events)
//     and 450,000 daily cost rows: the digest job run once, as the worker runs it (claim, one
//     statement per figure for every audience, one outbox insert, reschedule); median of 3 runs,
//     the statements it issued, and the EXPLAIN of each figure's statement exactly as it ran.
//  2. The fan-out of a 10,000-finding Polaris report (50 checks on 500 workloads) to 50 subscribed
//     Slack channels: one message per group and channel, written in the report's transaction.
//
//   npm run bench:notify [-- --findings 1000000 --repeat 3 --explain-only]
//
// Uses DATABASE_URL's server (or an embedded one) with a scratch database it drops afterwards
// (BUMPERS_KEEP_TEST_DB keeps it). Prints Markdown for docs/benchmarks.md.
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import type { db } from "@/lib/server/db";
import { createOwnerTeam } from "./lib/bench-kit";
import { createScratchDatabase, ensurePostgresServer } from "./lib/scratch-database";
import { timeQueries, type TStatement } from "./lib/query-timer";

const root = path.resolve(import.meta.dirname, "..");
const argText = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const FINDINGS = Number(argText("findings") ?? 1_000_000);
const REPEAT = Number(argText("repeat") ?? 3);
const TEAMS = 200;
const CLUSTERS = 20;
const WORKLOADS = 5000;
const COST_DAYS = 90;
const CHANNELS = 50;

const ms = (v: number) => `${v < 10 ? v.toFixed(1) : Math.round(v).toLocaleString("en-US")} ms`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(" ");

/** What each statement of the job is, by a phrase only it contains. */
const FIGURES: [string, string][] = [
  ["FOR UPDATE OF s SKIP LOCKED", "Claim due subscriptions"],
  ["LEFT JOIN cost_settings", "Org, currency, teams"],
  ["FROM finding_events e", "New, fixed, inflow by team and severity (finding_events)"],
  ["FROM finding_counts c", "Open now by team and severity (finding_counts)"],
  ["WITH checks AS", "Top five checks per team and org-wide (findings)"],
  ["to_char(r.day", "Cost by team and day (cost_rollup_daily)"],
  ["WITH m AS", "Top movers per team and org-wide (cost_rollup_daily)"],
  ["FROM cost_budgets b LEFT JOIN", "Budgets"],
  ["WITH b AS", "Budget spend this month (lib/cost/budgets/spend.ts)"],
  ["CROSS JOIN LATERAL", "Stale clusters with their teams"],
  ["INSERT INTO alert_events", "Outbox insert (one row per subscription)"],
  ["pg_notify", "Wake the delivery loop"],
  ["UPDATE notification_subscriptions", "Reschedule"],
];
const nameOf = (text: string) => FIGURES.find(([phrase]) => text.includes(phrase))?.[1] ?? text.trim().split(/\s+/)[0]!;

async function main() {
  const server = await ensurePostgresServer({ dir: path.join(root, ".data/bench-postgres") });
  const database = await createScratchDatabase(server.url, "bumpers_bench_notify");
  process.env.DATABASE_URL = database.url;
  process.env.BUMPERS_ENCRYPTION_KEY ||= randomBytes(32).toString("base64");
  process.env.NEXTAUTH_SECRET ||= "bench";
  process.env.NEXTAUTH_URL ||= "https://bumpers.example";
  try {
    const { migrate } = await import("@/lib/server/migrations");
    await migrate(database.url);
    const { pool, db } = await import("@/lib/server/db");
    const timer = timeQueries(pool);
    const digests = await benchDigests(pool, db, timer);
    const fanout = await benchFanout(db, timer);
    console.log(report(digests, fanout));
    await pool.end();
  } finally {
    await database.dispose();
    await server.stop();
  }
}

type TDb = typeof db;
type TTimer = ReturnType<typeof timeQueries>;

/** 200 teams, 20 clusters, 5,000 workloads; findings, their events and cost rows written set-based in SQL. */
async function generate(pool: pg.Pool, db: TDb) {
  const started = performance.now();
  const org = await db.organization.create({ data: { slug: "bench", name: "Bench" } });
  await pool.query(
    `INSERT INTO teams (org_id, slug, name, priority, time_zone)
     SELECT $1, 'team-' || lpad(i::text, 3, '0'), 'Team ' || i, i, 'UTC' FROM generate_series(0, $2 - 1) AS i`,
    [org.id, TEAMS],
  );
  await pool.query(
    `INSERT INTO clusters (org_id, slug, name) SELECT $1, 'cluster-' || i, 'Cluster ' || i FROM generate_series(0, $2 - 1) AS i`,
    [org.id, CLUSTERS],
  );
  // Each team owns 25 workloads spread over the clusters, in its own namespace.
  await pool.query(
    `INSERT INTO resources (org_id, cluster_id, namespace, kind, name, owner_team_id)
     SELECT $1, c.id, t.slug || '-apps', 'Deployment', 'svc-' || w, t.id
       FROM generate_series(0, $2 - 1) AS w
       JOIN (SELECT id, row_number() OVER (ORDER BY slug) - 1 AS k FROM clusters WHERE org_id = $1) c ON c.k = w % $3
       JOIN (SELECT id, slug, row_number() OVER (ORDER BY slug) - 1 AS k FROM teams WHERE org_id = $1) t ON t.k = w % $4`,
    [org.id, WORKLOADS, CLUSTERS, TEAMS],
  );
  const client = await pool.connect();
  try {
    await client.query("SELECT setseed(0.42)");
    await client.query("SET maintenance_work_mem = '256MB'");
    // Indexes are built after the load, as a bulk import would (the migrations' own definitions).
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(
      `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
        WHERE schemaname = current_schema() AND tablename IN ('findings', 'finding_events')
          AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
    );
    await client.query(`DROP INDEX ${indexes.map((i) => `"${i.name}"`).join(", ")}`);
    // A third Polaris (10 checks), the rest Trivy CVEs; 8% fixed, 2% removed, 5% resolved, 5% snoozed;
    // first seen over the last 90 days.
    await client.query(
      `WITH w AS (SELECT id, cluster_id, namespace, name, owner_team_id, row_number() OVER (ORDER BY name) - 1 AS k
                    FROM resources WHERE org_id = $1),
            x AS (SELECT i, random() AS tool, random() AS cve, random() AS sev, random() AS fate, random() AS triage,
                         now() - random() * interval '90 days' AS seen, random() AS later
                    FROM generate_series(0, $2 - 1) AS i),
            y AS (SELECT x.*, CASE WHEN tool < 0.3 THEN (ARRAY['runAsRootAllowed', 'privilegeEscalationAllowed',
                           'notReadOnlyRootFilesystem', 'cpuLimitsMissing', 'memoryLimitsMissing', 'livenessProbeMissing',
                           'readinessProbeMissing', 'pullPolicyNotAlways', 'tagNotSpecified', 'dangerousCapabilities'])[i % 10 + 1]
                         ELSE 'CVE-2026-' || (10000 + floor(cve * 20000))::int END AS check_id,
                         (ARRAY[0.95, 0.75, 0.5, 0.5, 0.25, 0.25])[floor(sev * 6)::int + 1] AS score
                    FROM x)
       INSERT INTO findings (org_id, cluster_id, fingerprint, source, check_id, category, severity, score, title,
                             namespace, kind, name, container, vulnerability_id, resource_id, owner_team_id, status,
                             resolution, snoozed_until, first_seen_at, last_seen_at, fixed_at)
       SELECT $1, w.cluster_id, 'bench-' || y.i, CASE WHEN y.tool < 0.3 THEN 'polaris' ELSE 'trivy' END, y.check_id,
              CASE WHEN y.tool < 0.3 THEN 'reliability' ELSE 'security' END,
              (CASE WHEN y.score >= 0.9 THEN 'critical' WHEN y.score >= 0.7 THEN 'high' WHEN y.score >= 0.4 THEN 'medium'
                    ELSE 'low' END)::severity_level, y.score, y.check_id || ' in ' || w.name, w.namespace, 'Deployment',
              w.name, 'app', CASE WHEN y.tool < 0.3 THEN '' ELSE y.check_id END, w.id, w.owner_team_id,
              (CASE WHEN y.fate < 0.08 THEN 'fixed' WHEN y.fate < 0.1 THEN 'removed' ELSE 'open' END)::finding_status,
              CASE WHEN y.triage < 0.05 THEN 'will_not_fix'::finding_resolution END,
              CASE WHEN y.triage >= 0.05 AND y.triage < 0.1 THEN now() + interval '7 days' END,
              y.seen, y.seen, CASE WHEN y.fate < 0.08 THEN y.seen + y.later * (now() - y.seen) END
         FROM y JOIN w ON w.k = y.i % $3`,
      [org.id, FINDINGS, WORKLOADS],
    );
    // Their history: opened when first seen; fixed, removed, resolved or snoozed later.
    await client.query(
      `INSERT INTO finding_events (org_id, finding_id, kind, created_at)
       SELECT org_id, id, 'opened', first_seen_at FROM findings WHERE org_id = $1
       UNION ALL
       SELECT org_id, id, status::text::finding_event_kind, coalesce(fixed_at, first_seen_at + (now() - first_seen_at) / 2)
         FROM findings WHERE org_id = $1 AND status <> 'open'
       UNION ALL
       SELECT org_id, id, CASE WHEN resolution IS NOT NULL THEN 'resolved' ELSE 'snoozed' END::finding_event_kind,
              first_seen_at + (now() - first_seen_at) / 3
         FROM findings WHERE org_id = $1 AND (resolution IS NOT NULL OR snoozed_until IS NOT NULL)`,
      [org.id],
    );
    for (const index of indexes) await client.query(index.definition);
    // 90 days of cost per workload (450,000 rows) and an idle row per cluster and day, rolled up
    // by the code ingest runs.
    await client.query(
      `INSERT INTO cost_daily (org_id, cluster_id, day, namespace, kind, workload, allocation, source, owner_team_id,
                               service, cpu_cost, memory_cost, total_cost, in_cluster_cost)
       SELECT $1, r.cluster_id, current_date - d, r.namespace, 'Deployment', r.name, 'workload', 'opencost',
              r.owner_team_id, r.name, c.cost * 0.6, c.cost * 0.4, c.cost, c.cost
         FROM resources r CROSS JOIN generate_series(1, $2) AS d
         CROSS JOIN LATERAL (SELECT (0.5 + random() * 3) * (1 + (d < 8)::int * random()) AS cost) c
        WHERE r.org_id = $1
       UNION ALL
       SELECT $1, c.id, current_date - d, '__idle__', '', '__idle__', 'idle', 'opencost', NULL, '__idle__', 20, 20, 40, 40
         FROM clusters c CROSS JOIN generate_series(1, $2) AS d WHERE c.org_id = $1`,
      [org.id, COST_DAYS],
    );
    const { rebuildCostRollups } = await import("@/lib/cost/ingest/rollup");
    const { rows: clusters } = await client.query<{ id: string; slug: string }>(
      `SELECT id, slug FROM clusters WHERE org_id = $1 ORDER BY slug`,
      [org.id],
    );
    const days = Array.from({ length: COST_DAYS }, (_, d) =>
      new Date(Date.now() - (d + 1) * 86_400_000).toISOString().slice(0, 10),
    );
    for (const cluster of clusters) await rebuildCostRollups(client, org.id, cluster.id, days);
    // A budget per team; two clusters silent for three days (stale), the others reporting.
    await client.query(
      `INSERT INTO cost_budgets (org_id, scope, team_id, name, monthly_amount, thresholds)
       SELECT $1, 'team', id, name || ' monthly', 1500, '[{"basis":"actual","percent":80},{"basis":"forecast","percent":100}]'
         FROM teams WHERE org_id = $1`,
      [org.id],
    );
    await client.query(
      `INSERT INTO reports (org_id, cluster_id, type, sha256, body, size_bytes, received_at)
       SELECT $1, id, 'polaris', md5(id::text), '\\x7b7d', 2,
              now() - CASE WHEN slug IN ('cluster-0', 'cluster-1') THEN interval '3 days' ELSE interval '1 hour' END
         FROM clusters WHERE org_id = $1`,
      [org.id],
    );
    await client.query(
      "VACUUM ANALYZE findings, finding_events, finding_counts, finding_daily, cost_daily, cost_rollup_daily",
    );
  } finally {
    client.release();
  }
  const seconds = Math.round((performance.now() - started) / 1000);
  console.error(`generated ${FINDINGS.toLocaleString("en-US")} findings and ${COST_DAYS} days of cost in ${seconds} s`);
  return org;
}

type TDigestRun = { ms: number; statements: TStatement[]; queued: number };

async function benchDigests(pool: pg.Pool, db: TDb, timer: TTimer) {
  const org = await generate(pool, db);
  const { createConnection } = await import("@/lib/notifications/connections/write");
  const { runDueDigests } = await import("@/lib/notifications/digests/run-due");
  const owner = await db.user.create({ data: { email: "owner@bench.example", name: "Bench Owner" } });
  await db.membership.create({ data: { orgId: org.id, userId: owner.id, role: "owner" } });
  const { connection: slack } = await createConnection(
    org.id,
    { userId: owner.id, label: owner.email },
    { teamId: null },
    { kind: "slack", name: "Bench Slack", botToken: "xoxb-1111-2222-abcdefghijklmnop" },
  );
  // One weekly digest per team (half to Slack channels, half by email) and the org's by email.
  await pool.query(
    `INSERT INTO notification_subscriptions (org_id, team_id, kind, name, connection_id, target, target_label,
                                             digest_period, digest_hour, digest_weekday)
     SELECT $1, t.id, 'digest'::notification_subscription_kind, 'Weekly digest', CASE WHEN t.priority % 2 = 0 THEN $2::uuid END,
            CASE WHEN t.priority % 2 = 0 THEN 'C' || lpad(t.priority::text, 8, '0') ELSE t.slug || '@bench.example' END,
            t.slug, 'weekly'::digest_period, 9, 1
       FROM teams t WHERE t.org_id = $1
     UNION ALL
     SELECT $1, NULL, 'digest', 'Org weekly digest', NULL, 'cto@bench.example', 'cto@bench.example', 'weekly', 9, 1`,
    [org.id, slack.id],
  );
  const runs: TDigestRun[] = [];
  for (let i = 0; i < REPEAT; i++) {
    // Due a minute ago, nothing queued yet: the Monday-morning case.
    await pool.query(`DELETE FROM alert_events WHERE org_id = $1`, [org.id]);
    await pool.query(
      `UPDATE notification_subscriptions SET next_digest_at = now() - interval '1 minute', enabled = true WHERE org_id = $1`,
      [org.id],
    );
    const started = performance.now();
    const { result, statements } = await timer.record(() => runDueDigests({ orgId: org.id }));
    runs.push({ ms: performance.now() - started, statements, queued: result.queued });
  }
  const { rows } = await pool.query<{ n: number; bytes: number; empty: number }>(
    `SELECT count(*)::int AS n, avg(pg_column_size(payload))::int AS bytes,
            count(*) FILTER (WHERE (payload->'digest'->>'empty')::boolean)::int AS empty
       FROM alert_events WHERE org_id = $1`,
    [org.id],
  );
  const last = runs.at(-1)!;
  // EXPLAIN of every statement the last run issued, as it ran (in a transaction rolled back).
  const plans: string[] = [];
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `UPDATE notification_subscriptions SET next_digest_at = now() - interval '1 minute' WHERE org_id = $1`,
      [org.id],
    );
    for (const s of last.statements) {
      if (!/^\s*(SELECT|WITH)/.test(s.text) || s.text.includes("pg_notify")) continue;
      const { rows: plan } = await client.query<{ "QUERY PLAN": string }>(
        `EXPLAIN (ANALYZE, BUFFERS) ${s.text}`,
        s.values,
      );
      // The audiences' 200 team ids would fill a screen: they are shown as a count.
      const text = plan
        .map((r) => r["QUERY PLAN"])
        .join("\n")
        .replace(/'\{([0-9a-f-]{36},?)+\}'/g, (ids) => `'{…${ids.split(",").length} ids}'`);
      plans.push(`#### ${nameOf(s.text)}\n\n\`\`\`\n${text}\n\`\`\``);
    }
  } finally {
    await client.query("ROLLBACK");
    client.release();
  }
  return { runs, outbox: rows[0]!, plans };
}

/** A 10,000-finding report routed to 50 Slack channels, against the same report with none. */
async function benchFanout(db: TDb, timer: TTimer) {
  const { createCluster } = await import("@/lib/clusters/create-cluster");
  const { createConnection } = await import("@/lib/notifications/connections/write");
  const { createSubscription } = await import("@/lib/notifications/subscriptions/write");
  const { ingest, polarisReportWith, workloads } = await import("@/lib/alerting/test-helpers");
  const checks = Array.from({ length: 50 }, (_, i) => ({ id: `benchCheck${String(i).padStart(2, "0")}` }));
  const all = workloads(
    500,
    Array.from({ length: 20 }, (_, i) => `ns-${i}`),
  );
  const body = polarisReportWith(all, (_w, i) => Array.from({ length: 20 }, (_, k) => checks[(i + k) % 50]!));
  const measure = async (channels: number) => {
    const org = await db.organization.create({ data: { slug: `fanout-${channels}`, name: `Fan-out ${channels}` } });
    const user = await db.user.create({ data: { email: `fanout-${channels}@bench.example`, name: "Bench" } });
    const actor = { userId: user.id, label: user.email };
    await createOwnerTeam(org.id, { slug: "shop", name: "Shop" });
    const { connection } = await createConnection(
      org.id,
      actor,
      { teamId: null },
      { kind: "slack", name: "Slack", botToken: "xoxb-1111-2222-abcdefghijklmnop" },
    );
    for (let i = 0; i < channels; i++) {
      await createSubscription(
        org.id,
        actor,
        { teamId: null },
        {
          name: `Channel ${i}`,
          connectionId: connection.id,
          target: `C${String(i).padStart(8, "0")}`,
          events: ["finding_group.opened", "finding_group.fixed"],
          grouping: "check",
        },
      );
    }
    const { cluster } = await createCluster(org.id, actor, { slug: "prod", name: "Prod" });
    const started = performance.now();
    const { statements } = await timer.record(() => ingest(org.id, cluster.id, "polaris", body));
    const elapsed = performance.now() - started;
    const slowest = [...statements].sort((a, b) => b.ms - a.ms).slice(0, 3);
    const { pool } = await import("@/lib/server/db");
    const { rows } = await pool.query<{ findings: number; groups: number; messages: number }>(
      `SELECT (SELECT count(*)::int FROM findings WHERE org_id = $1) AS findings,
              (SELECT count(*)::int FROM alert_groups WHERE org_id = $1 AND status = 'open') AS groups,
              (SELECT count(*)::int FROM alert_events WHERE org_id = $1 AND action = 'notify') AS messages`,
      [org.id],
    );
    return { ms: elapsed, statements: statements.length, slowest, ...rows[0]! };
  };
  const none = await measure(0);
  const fifty = await measure(CHANNELS);
  return { none, fifty };
}

function report(d: Awaited<ReturnType<typeof benchDigests>>, f: Awaited<ReturnType<typeof benchFanout>>): string {
  const last = d.runs.at(-1)!;
  const byName = new Map<string, { n: number; ms: number }>();
  for (const s of last.statements) {
    const name = nameOf(s.text);
    const entry = byName.get(name) ?? { n: 0, ms: 0 };
    byName.set(name, { n: entry.n + 1, ms: entry.ms + s.ms });
  }
  const statements = [...byName].map(([name, s]) => `| ${name} | ${s.n} | ${ms(s.ms)} |`).join("\n");
  return `
## Notifications

\`npm run bench:notify\` (${new Date().toISOString().slice(0, 10)}; ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"},
Node ${process.version}; load average at the end ${load()}).

### Digests

${TEAMS} teams, ${CLUSTERS} clusters, ${WORKLOADS.toLocaleString("en-US")} workloads; ${FINDINGS.toLocaleString("en-US")} findings
with their events (opened, fixed, removed, resolved, snoozed over 90 days); ${(WORKLOADS * COST_DAYS).toLocaleString("en-US")} daily
cost rows rolled up as ingest does; a budget per team; two stale clusters. One weekly digest subscription per team
(half Slack, half email) and the org's: ${TEAMS + 1} digests due at once, the job run as the worker runs it.

| What | Figure |
| --- | --- |
| Compute and queue all ${last.queued} digests (median of ${d.runs.length}) | ${ms(median(d.runs.map((r) => r.ms)))} (runs: ${d.runs.map((r) => ms(r.ms)).join(", ")}) |
| Statements issued by one run | ${last.statements.length} (whatever the number of teams; none per team or per finding) |
| Outbox rows | ${d.outbox.n} (average payload ${d.outbox.bytes.toLocaleString("en-US")} bytes; ${d.outbox.empty} all-clear) |

Statements of the last run:

| Statement | Count | Time |
| --- | --- | --- |
${statements}

### Fan-out of one report

A Polaris report of ${f.fifty.findings.toLocaleString("en-US")} findings (50 checks on 500 workloads), processed end to end (parse,
findings, alert transitions, outbox) in one transaction; org subscriptions grouped by check.

| Subscribed channels | Report processed | Open groups | Messages queued (= groups × channels) |
| --- | --- | --- | --- |
| 0 | ${ms(f.none.ms)} | ${f.none.groups} | ${f.none.messages} |
| ${CHANNELS} | ${ms(f.fifty.ms)} | ${f.fifty.groups} | ${f.fifty.messages} (${f.fifty.groups} × ${CHANNELS} = ${f.fifty.groups * CHANNELS}) |

Statements of the report with ${CHANNELS} channels: ${f.fifty.statements} (${f.none.statements} without subscriptions); the slowest:

${f.fifty.slowest.map((s) => `- ${ms(s.ms)}: \`${s.text.replace(/\s+/g, " ").trim().slice(0, 100)}…\``).join("\n")}

### Plans of the digest job's statements

${d.plans.join("\n\n")}
`;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

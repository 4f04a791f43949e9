// Findings benchmark: 1,000,000 findings across 200 teams, 20 clusters and 5,000 workloads,
// written with COPY into a scratch database; then `next start` on loopback and autocannon
// (10 connections) against the findings API views, the overview, and the findings page.
//
//   npm run bench:findings [-- --findings 1000000 --seconds 10 --repeat 3]
//
// --connections <n> (default 10) sets autocannon's concurrency; 1 gives a page's render time alone.
// --database <name> keeps the generated data in that database (on DATABASE_URL's server) and
// reuses it on the next run instead of writing the million rows again; --port <n> fixes the app's
// port; --only <text> measures only the views whose name contains it; --repeat <n> measures each
// view n times and reports the median of each percentile.
//
// Needs a production build (`npm run build`; run first when .next/ is missing). Prints Markdown
// (latency table and EXPLAIN plans) for docs/benchmarks.md.
import type { db, pool } from "@/lib/server/db";
import type { copyRows } from "@/lib/ingest/process/copy-rows";
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
  FINDING_COLUMNS,
  FINDING_OBJECT_COLUMNS,
} from "./lib/bench-kit";
import { inTransaction } from "@/lib/server/sql";

const FINDINGS = argNumber("findings", 1_000_000);
const SECONDS = argNumber("seconds", 10);
const REPEAT = argNumber("repeat", 1);
const PORT = argNumber("port", 0);
const ONLY = argText("only");
/** 10 by default (the issue's load); 1 measures a page's server render time alone. */
const CONNECTIONS = argNumber("connections", 10);
const KEEP_DATABASE = argText("database");
const TEAMS = 200;
const CLUSTERS = 20;
const WORKLOADS = 5000;
const PASSWORD = "bench-password-1";
const OWNER = "owner@bench.example";

const POLARIS_CHECKS: [string, string, string, number][] = [
  ["runAsRootAllowed", "security", "Should not be allowed to run as root", 0.75],
  ["privilegeEscalationAllowed", "security", "Privilege escalation should not be allowed", 0.75],
  ["notReadOnlyRootFilesystem", "security", "Filesystem should be read only", 0.25],
  ["cpuLimitsMissing", "efficiency", "CPU limits should be set", 0.25],
  ["memoryLimitsMissing", "efficiency", "Memory limits should be set", 0.25],
  ["livenessProbeMissing", "reliability", "Liveness probe should be configured", 0.25],
  ["readinessProbeMissing", "reliability", "Readiness probe should be configured", 0.25],
  ["pullPolicyNotAlways", "reliability", "Image pull policy should be Always", 0.25],
  ["tagNotSpecified", "reliability", "Image tag should be specified", 0.75],
  ["dangerousCapabilities", "security", "Container should not have dangerous capabilities", 0.75],
];
const PACKAGES = ["openssl", "glibc", "zlib", "curl", "busybox", "libxml2", "expat", "sqlite", "ncurses", "pcre2"];
const TRIVY_SCORES = [0.95, 0.75, 0.5, 0.5, 0.25, 0.25];

function label(score: number) {
  return score >= 0.9 ? "critical" : score >= 0.7 ? "high" : score >= 0.4 ? "medium" : score >= 0.1 ? "low" : "none";
}

async function main() {
  await withBenchDatabase({ prefix: "bumpers_bench_findings", keep: KEEP_DATABASE, build: true }, measure);
}

async function measure({ server, database }: TBenchDatabase) {
  let app: TBenchApp | undefined;
  try {
    const { pool, db } = await import("@/lib/server/db");
    const { copyRows } = await import("@/lib/ingest/process/copy-rows");
    const { hashPassword } = await import("@/lib/auth/passwords");
    const { createOrgToken } = await import("@/lib/tokens/create-org-token");

    const existing = await db.organization.findUnique({ where: { slug: "bench" }, select: { id: true } });
    const { org, user, teams } = existing
      ? await loadBenchOrg(db, existing.id, OWNER, "the findings")
      : await generate(db, pool, copyRows, hashPassword);
    const token = await createOrgToken(
      org.id,
      { userId: user.id, label: user.email },
      { name: "bench", kind: "org_read" },
    );

    // EXPLAIN of the main queries, exactly as the API builds them.
    const { findingsPageQuery, checkGroupsQuery } = await import("@/lib/findings/queries");
    const { DEFAULT_FILTERS } = await import("@/lib/domain/finding-filters");
    const orgScope = { orgId: org.id, teamIds: null, unassigned: true };
    const team = teams[42];
    const teamView = { ...DEFAULT_FILTERS, team: [team.slug] };
    const viewer = { userId: null };
    const plans: [string, { text: string; values: unknown[] }][] = [
      ["Team default view", await findingsPageQuery(orgScope, teamView, viewer, { limit: 50 })],
      [
        "Team, critical+high security",
        await findingsPageQuery(
          orgScope,
          { ...teamView, severity: ["critical", "high"], category: ["security"] },
          viewer,
          {
            limit: 50,
          },
        ),
      ],
      [
        "Org-wide text search",
        await findingsPageQuery(orgScope, { ...DEFAULT_FILTERS, q: "openssl: CVE-2026-1234" }, viewer, { limit: 50 }),
      ],
      ["Team grouped by check", await checkGroupsQuery(orgScope, teamView, viewer, { limit: 50 })],
    ];
    const explained = await explainPlans(pool, plans);
    await pool.end();

    // The app on loopback, against the scratch database.
    app = await startBenchApp(root, database.url, PORT);
    const base = app.base;
    const cookie = await signIn(base, user.email);

    const auth = { authorization: `Bearer ${token.secret}` };
    const views: [string, string, Record<string, string>][] = [
      ["API: team default view", `/api/v1/findings?team=${team.slug}&limit=50`, auth],
      [
        "API: team, critical+high security",
        `/api/v1/findings?team=${team.slug}&severity=critical,high&category=security&limit=50`,
        auth,
      ],
      [
        "API: org-wide text search",
        `/api/v1/findings?q=${encodeURIComponent("openssl: CVE-2026-1234")}&limit=50`,
        auth,
      ],
      ["API: team grouped by check", `/api/v1/findings?team=${team.slug}&group=check&limit=50`, auth],
      ["API: org overview counts", `/api/v1/findings/overview`, auth],
      ["API: team overview counts", `/api/v1/findings/overview?team=${team.slug}`, auth],
      ["Page: findings list (team)", `/o/bench/findings?team=${team.slug}`, { cookie }],
      ["Page: org overview", `/o/bench`, { cookie }],
    ];
    const table = await measureViews(
      base,
      views.map(([name, url, headers]) => ({ name, url, headers })),
      { only: ONLY, repeat: REPEAT, seconds: SECONDS, connections: CONNECTIONS },
    );
    printReport(
      `\nFindings benchmark, ${new Date().toISOString().slice(0, 10)}: ${FINDINGS.toLocaleString("en-US")} findings, ${TEAMS} teams, ${CLUSTERS} clusters, ${WORKLOADS.toLocaleString("en-US")} workloads; autocannon, ${CONNECTIONS} connection${CONNECTIONS === 1 ? "" : "s"}, ${SECONDS} s per view${REPEAT > 1 ? `, median of ${REPEAT} runs (each run's p95 in brackets)` : ""}; ${uptimeLoad()} at the end`,
      server,
      table,
      explained,
    );
  } finally {
    await app?.stop();
  }
}

type TDb = typeof db;
type TPool = typeof pool;
type TCopyRows = typeof copyRows;

/** Writes the org, its teams, clusters and workloads, and the findings with COPY. */
async function generate(
  db: TDb,
  pool: TPool,
  copyRows: TCopyRows,
  hashPassword: (password: string) => Promise<string>,
): Promise<TBenchOrg> {
  const started = performance.now();
  const org = await db.organization.create({ data: { slug: "bench", name: "Bench" } });
  const user = await db.user.create({
    data: { email: OWNER, name: "Bench Owner", passwordHash: await hashPassword(PASSWORD) },
  });
  await db.membership.create({ data: { orgId: org.id, userId: user.id, role: "owner" } });
  const teams = await Promise.all(
    Array.from({ length: TEAMS }, (_, i) =>
      db.team.create({
        data: { orgId: org.id, slug: `team-${String(i).padStart(3, "0")}`, name: `Team ${i}`, priority: i },
      }),
    ),
  );
  const clusters = await Promise.all(
    Array.from({ length: CLUSTERS }, (_, i) =>
      db.cluster.create({ data: { orgId: org.id, slug: `cluster-${i}`, name: `Cluster ${i}` } }),
    ),
  );
  // Each team owns 25 workloads, spread over the clusters, in its own namespace.
  const workloads = Array.from({ length: WORKLOADS }, (_, w) => ({
    cluster: clusters[w % CLUSTERS].id,
    team: teams[w % TEAMS].id,
    namespace: `${teams[w % TEAMS].slug}-apps`,
    name: `svc-${w}`,
  }));
  await inTransaction(pool, async (client) => {
    await copyRows(
      client,
      "resources",
      ["org_id", "cluster_id", "namespace", "kind", "name", "owner_team_id"],
      workloads.map((w) => [org.id, w.cluster, w.namespace, "Deployment", w.name, w.team]),
    );
    const ids = await client.query<{ id: string; name: string }>(`SELECT id, name FROM resources WHERE org_id = $1`, [
      org.id,
    ]);
    const resourceId = new Map(ids.rows.map((r) => [r.name, r.id]));
    // Indexes are built once after the load, as a bulk import would (the migrations' own
    // definitions, read back, so the benchmark measures exactly the indexes that ship).
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(
      `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
        WHERE schemaname = current_schema() AND tablename = 'findings'
          AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
    );
    await client.query(`DROP INDEX ${indexes.map((i) => `"${i.name}"`).join(", ")}`);
    const random = rng(42);
    const now = Date.now();
    const columns = [
      ...FINDING_COLUMNS,
      ...FINDING_OBJECT_COLUMNS,
      "vulnerability_id",
      "resource_id",
      "owner_team_id",
      "status",
      "resolution",
      "snoozed_until",
      "first_seen_at",
      "last_seen_at",
      "fixed_at",
    ];
    const CHUNK = 100_000;
    for (let start = 0; start < FINDINGS; start += CHUNK) {
      const rows: (string | number | null)[][] = [];
      for (let i = start; i < Math.min(FINDINGS, start + CHUNK); i++) {
        const w = workloads[i % WORKLOADS];
        const polaris = random() < 0.3;
        const roll = random();
        const status = roll < 0.08 ? "fixed" : roll < 0.1 ? "removed" : "open";
        const triage = random();
        const firstSeen = new Date(now - Math.floor(random() * 90 * 86_400_000)).toISOString();
        let row: (string | number | null)[];
        if (polaris) {
          const [check, category, title, score] = POLARIS_CHECKS[i % POLARIS_CHECKS.length];
          row = [check, "polaris", category, label(score), score, title, w.namespace, "Deployment", w.name, "app", ""];
        } else {
          const pkg = PACKAGES[Math.floor(random() * PACKAGES.length)];
          const cve = `CVE-2026-${10000 + Math.floor(random() * 20000)}`;
          const score = TRIVY_SCORES[Math.floor(random() * TRIVY_SCORES.length)];
          row = [
            cve,
            "trivy",
            "security",
            label(score),
            score,
            `${pkg}: ${cve} in ${pkg}`,
            w.namespace,
            "Deployment",
            w.name,
            "app",
            cve,
          ];
        }
        const [check, source, category, severity, score, title, namespace, kind, name, container, vuln] = row;
        rows.push([
          org.id,
          w.cluster,
          `bench-${i}`,
          source,
          check,
          category,
          severity,
          score,
          title,
          namespace,
          kind,
          name,
          container,
          vuln,
          resourceId.get(w.name) ?? null,
          w.team,
          status,
          triage < 0.05 ? "will_not_fix" : null,
          triage >= 0.05 && triage < 0.1 ? new Date(now + 7 * 86_400_000).toISOString() : null,
          firstSeen,
          firstSeen,
          status === "fixed" ? new Date(now).toISOString() : null,
        ]);
      }
      await copyRows(client, "findings", columns, rows);
    }
    await client.query("SET maintenance_work_mem = '256MB'");
    for (const index of indexes) await client.query(index.definition);
    // Trend rows as ingest would have left them: 90 days per team.
    const daily: (string | number)[][] = [];
    for (const team of teams) {
      for (let d = 0; d < 90; d++) {
        const day = new Date(now - d * 86_400_000).toISOString().slice(0, 10);
        daily.push([
          org.id,
          team.id,
          day,
          Math.floor(random() * 60),
          Math.floor(random() * 5),
          Math.floor(random() * 50),
          0,
          Math.floor(random() * 10),
        ]);
      }
    }
    await copyRows(
      client,
      "finding_daily",
      ["org_id", "owner_team_id", "day", "opened", "reopened", "fixed", "removed", "resolved"],
      daily,
    );
  });
  // As autovacuum would leave them: the load rewrote each rollup row once per COPY chunk.
  await pool.query("VACUUM ANALYZE findings, finding_counts, finding_daily");
  console.error(
    `generated ${FINDINGS.toLocaleString("en-US")} findings in ${Math.round((performance.now() - started) / 1000)} s`,
  );
  return { org, user, teams };
}

/** A session cookie through next-auth's credentials flow, as the sign-in page does it. */
async function signIn(base: string, email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = (csrf.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true" }),
  });
  const cookies = [...jar, ...(res.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0])];
  return cookies.join("; ");
}

runBenchmark(main);

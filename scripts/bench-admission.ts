// Admission webhook benchmark, in a scratch database holding an org shaped like a real one (20
// teams with scope rules, org settings that block, team overrides, exemption rules, an alert rule,
// 5,000 workloads with 30,000 agent findings; scripts/lib/admission-bench-data.ts):
//   1. in-process: the body parse, the settings snapshot, the decision, and the engine alone;
//   2. in-process against the database, no HTTP: each case's handler with every statement timed;
//   3. `next start` on loopback: autocannon POSTs AdmissionReviews for each case at 1 and 10
//      connections; and the recorded case on a second app that counts the per-token rate limit.
// Recorded cases cycle through a pool of 200 Deployments (UPDATE reviews of existing objects, each
// with its own uid), so each review upserts its own object's findings, not one hot row. Runs are
// interleaved (every case once, then again), so a change in the machine's load hits every case.
//
//   npm run bench:admission [-- --seconds 10 --repeat 3 --only warned]
//   npm run bench:admission -- --quick     # a small org, 2 s per case, one run: a smoke test
//
// Needs a production build (`npm run build`; run first when .next/ is missing). Uses DATABASE_URL's
// server (or an embedded one) with a scratch database it drops afterwards. Prints Markdown for
// docs/benchmarks.md.
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import os from "node:os";
import autocannon from "autocannon";
import type { TPolicySnapshotRow } from "@/lib/policies/settings-snapshot";
import type { TKubeObject } from "@/lib/policies/types";
import {
  buildCases,
  CLUSTERS,
  generateOrg,
  KUBERNETES_VERSION,
  TEAMS,
  withUid,
  type TBenchOrg,
  type TCase,
  type TCases,
} from "./lib/admission-bench-data";
import { median, percentile, startBenchApp, uptimeLoad, type TBenchApp } from "./lib/bench-http";
import { timeQueries, type TQueryTimer, type TStatement } from "./lib/query-timer";
import { argText, ms, root, runBenchmark, withBenchDatabase, type TBenchDatabase } from "./lib/bench-kit";

const QUICK = process.argv.includes("--quick");
const arg = (name: string, normal: number, quick: number) => Number(argText(name) ?? (QUICK ? quick : normal));
const SECONDS = arg("seconds", 10, 2);
const REPEAT = arg("repeat", 3, 1);
const ONLY = argText("only");
/** In-process handler calls per case. */
const CALLS = arg("calls", 500, 40);
/** In-process evaluations per step. */
const EVALUATIONS = arg("evaluations", 10_000, 500);
const POOL = QUICK ? 40 : 200;
const WORKLOADS = QUICK ? 400 : 5000;

const us = (v: number) => `${Math.round(v * 1000)} µs`;

async function main() {
  // The webhook's per-token limit (lib/admission/authenticate.ts) would answer 429s within seconds
  // of these runs. Off, as the benchmarks turn off the API limit; one app below counts it as
  // production does, with a limit it never reaches.
  process.env.BUMPERS_RATE_LIMIT_ADMISSION_PER_MINUTE = "0";
  await withBenchDatabase({ prefix: "bumpers_bench_admission", build: true }, measure);
}

async function measure({ server, database }: TBenchDatabase) {
  const apps: TBenchApp[] = [];
  const started = new Date();
  try {
    const { pool } = await import("@/lib/server/db");
    const timer = timeQueries(pool);
    const org = await generateOrg({ size: POOL, workloads: WORKLOADS });
    const cases = buildCases(POOL);

    const engine = await measureEngine(org, cases);
    const handler = await measureHandler(org, cases, timer);
    const plan = await explain(handler.contextStatement);
    const slowestPlan = await explain(handler.slowestStatement);
    const { rows } = await pool.query<{ decisions: number; findings: number; resources: number }>(
      `SELECT (SELECT count(*)::int FROM admission_decisions) AS decisions,
              (SELECT count(*)::int FROM findings) AS findings, (SELECT count(*)::int FROM resources) AS resources`,
    );
    const sizes = rows[0]!;
    await pool.end();

    const plain = await startBenchApp(root, database.url);
    apps.push(plain);
    process.env.BUMPERS_RATE_LIMIT_ADMISSION_PER_MINUTE = "100000000";
    const counted = await startBenchApp(root, database.url);
    apps.push(counted);
    for (const base of [plain.base, counted.base]) await warmUp(base, org, cases);

    const limited = { ...cases.warned, name: `${cases.warned.name}, rate limit counted` };
    const rowsToMeasure = [1, 10]
      .flatMap((connections) => [
        ...[cases.deleted, cases.dryRun, cases.warned, cases.denied].map((c) => ({ c, connections, base: plain.base })),
        { c: limited, connections, base: counted.base },
      ])
      .filter((r) => !ONLY || r.c.name.toLowerCase().includes(ONLY.toLowerCase()));
    const runs = rowsToMeasure.map(() => [] as TRun[]);
    const loads: number[] = [];
    for (let run = 0; run < REPEAT; run++) {
      for (const [i, { c, connections, base }] of rowsToMeasure.entries()) {
        const result = await measureRun(base, org, c, connections);
        runs[i]!.push(result);
        loads.push(os.loadavg()[0]!);
        console.error(
          `${c.name}, ${connections} conn., run ${run + 1}: ${Math.round(result.rps)}/s, p50 ${ms(result.p50)}, p99 ${ms(result.p99)}, ${uptimeLoad()}`,
        );
      }
    }
    const answers = await Promise.all(rowsToMeasure.map((r) => answerFor(r.base, org, r.c)));
    const table = rowsToMeasure.map((r, i) => endpointRow(r.c.name, r.connections, answers[i]!, runs[i]!));

    console.log(`
## Admission webhook

\`npm run bench:admission\`${QUICK ? " --quick" : ""}, ${started.toISOString().slice(0, 16).replace("T", " ")}–${new Date().toISOString().slice(11, 16)} UTC;
${loads.length ? `load average (1 min) during the HTTP runs ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}` : uptimeLoad()}.
${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}, PostgreSQL: ${server.embedded ? "embedded" : "DATABASE_URL server"}.
The org: ${TEAMS} teams (3 scope rules each), ${org.settings} org settings (${org.blocking} blocking), ${org.overrides} team overrides,
${org.exemptions} exemption rules, one alert rule, ${CLUSTERS} clusters; ${sizes.resources.toLocaleString("en")} resources,
${sizes.findings.toLocaleString("en")} findings and ${sizes.decisions.toLocaleString("en")} logged decisions before the HTTP runs.
AdmissionReview bodies of ${(cases.warned.bodies[0]!.length / 1024).toFixed(1)} KB (object and oldObject).

### In-process: the decision and the engine (${EVALUATIONS.toLocaleString("en")} runs each, after a warm-up)

| Step (per review) | p50 | p99 |
| --- | --- | --- |
${engine.join("\n")}

### In-process handler against the database, no HTTP (${CALLS} calls per case)

The route's steps (authentication, body parse, \`handleAdmissionReview\`) called in a loop, one at a
time; every statement timed from send to answer.

| Case | Statements | Database (p50) | Handler (p50) | Handler (p99) | Handler minus database (p50) |
| --- | --- | --- | --- | --- | --- |
${handler.table.join("\n")}

Statements of one review (median time of each):

| Statement | (b) recorded, per review | (b) median | First review, per review | First review, median |
| --- | --- | --- | --- | --- |
${handler.breakdown.join("\n")}

### Endpoint on loopback (\`next start\`, autocannon, ${SECONDS} s per run, ${REPEAT > 1 ? `median of ${REPEAT} interleaved runs, each run's p99 in brackets` : "one run"})

| Case | Connections | Answer | Requests/s | p50 | p90 | p99 | App CPU per request | Errors |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
${table.join("\n")}

### Plan of the settings and object context query

\`\`\`
${plan}
\`\`\`

### Plan of the slowest statement of a first review (${labelOf(handler.slowestStatement.text)})

\`\`\`
${handler.slowestStatement.text.replace(/\s+/g, " ").trim().slice(0, 400)}…
${slowestPlan}
\`\`\`
`);
  } finally {
    for (const app of apps) await app.stop();
  }
}

/** Samples of `fn` after a warm-up, so the figures describe a long-running server. */
function sample(fn: () => void, runs: number): number[] {
  for (let i = 0; i < Math.min(1000, runs); i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times;
}

/** The request's in-process steps, on the (b) body of a team with overrides. */
async function measureEngine(org: TBenchOrg, cases: TCases): Promise<string[]> {
  const { pool } = await import("@/lib/server/db");
  const { POLICY_SNAPSHOT_COLUMNS, policySnapshotOf, settingFor } = await import("@/lib/policies/settings-snapshot");
  const { parseAdmissionReview } = await import("@/lib/admission/parse-review");
  const { decideAdmission } = await import("@/lib/admission/review");
  const { evaluateObject } = await import("@/lib/policies/evaluate");
  const { parseKubernetesVersion } = await import("@/lib/policies/deprecations");
  const { rows } = await pool.query<TPolicySnapshotRow>(`SELECT ${POLICY_SNAPSHOT_COLUMNS}`, [org.id]);
  const row = rows[0]!;
  const text = withUid(cases.warned.bodies[1]!);
  const request = parseAdmissionReview(text);
  const snapshot = policySnapshotOf(row);
  const policy = {
    passive: snapshot.passive,
    targetVersion: parseKubernetesVersion(KUBERNETES_VERSION),
    setting: settingFor(snapshot, org.teams[1]!.id),
    exemption: () => null,
  };
  const decision = decideAdmission(request, policy);
  const steps: [string, () => void][] = [
    [
      `Parse the body (JSON.parse and the Zod schema), ${(text.length / 1024).toFixed(1)} KB`,
      () => parseAdmissionReview(text),
    ],
    [`Policy snapshot from the settings row (${TEAMS} teams' scope rules parsed)`, () => policySnapshotOf(row)],
    [
      `decideAdmission with the org's settings (${decision.outcome}, ${decision.failing.length} failing checks)`,
      () => decideAdmission(request, policy),
    ],
    ["evaluateObject alone (every built-in check, defaults)", () => evaluateObject(request.object as TKubeObject)],
  ];
  return steps.map(([name, fn]) => {
    const times = sample(fn, EVALUATIONS);
    return `| ${name} | ${us(median(times))} | ${us(percentile(times, 99))} |`;
  });
}

function labelOf(text: string): string {
  const sql = text.replace(/\s+/g, " ").trim();
  if (sql.includes("policy_settings")) return "settings snapshot and object context (one SELECT)";
  if (sql.includes("FOR UPDATE")) return "SELECT resources … FOR UPDATE";
  const verb = sql.split(" ")[0]!.toUpperCase();
  const table = /\b(?:FROM|INTO|UPDATE)\s+"?(?:public"?\."?)?(\w+)/i.exec(sql)?.[1];
  return table ? `${verb} ${table}${sql.includes('"public"') ? " (Prisma)" : ""}` : verb;
}

type THandlerRun = { ms: number; db: number; statements: TStatement[] };

async function measureHandler(org: TBenchOrg, cases: TCases, timer: TQueryTimer) {
  const { authenticateAdmissionRequest } = await import("@/lib/admission/authenticate");
  const { parseAdmissionReview } = await import("@/lib/admission/parse-review");
  const { handleAdmissionReview } = await import("@/lib/admission/handle-review");
  const url = `http://127.0.0.1/api/v1/admission/${org.clusterSlug}`;
  async function run(c: TCase, calls: number): Promise<THandlerRun[]> {
    const runs: THandlerRun[] = [];
    for (let i = 0; i < calls; i++) {
      const t0 = performance.now();
      const { statements } = await timer.record(async () => {
        const req = new Request(url, { method: "POST", headers: { authorization: `Bearer ${org.token}` } });
        const principal = await authenticateAdmissionRequest(req, org.clusterSlug);
        return handleAdmissionReview(principal, parseAdmissionReview(withUid(c.bodies[i % c.bodies.length]!)));
      });
      runs.push({ ms: performance.now() - t0, db: statements.reduce((n, s) => n + s.ms, 0), statements });
    }
    return runs;
  }
  // Every pool object reviewed once first, so the measured reviews find their findings (steady state).
  for (const c of [cases.warned, cases.denied]) await run(c, POOL);
  const table: string[] = [];
  const measured = new Map<TCase, THandlerRun[]>();
  for (const c of [cases.deleted, cases.dryRun, cases.warned, cases.denied, cases.created]) {
    const runs = await run(c, c === cases.created ? POOL : CALLS);
    measured.set(c, runs);
    const counts = runs.map((r) => r.statements.length);
    const [fewest, most] = [Math.min(...counts), Math.max(...counts)];
    const totals = runs.map((r) => r.ms);
    table.push(
      `| ${c.name} | ${fewest === most ? fewest : `${fewest}–${most}`} | ${ms(median(runs.map((r) => r.db)))} | ${ms(median(totals))} | ${ms(percentile(totals, 99))} | ${ms(median(runs.map((r) => r.ms - r.db)))} |`,
    );
  }
  const byLabel = (runs: THandlerRun[]) => {
    const times = new Map<string, number[]>();
    for (const s of runs.flatMap((r) => r.statements))
      times.set(labelOf(s.text), [...(times.get(labelOf(s.text)) ?? []), s.ms]);
    return times;
  };
  const warned = measured.get(cases.warned)!;
  const created = measured.get(cases.created)!;
  const [steady, first] = [byLabel(warned), byLabel(created)];
  const breakdown = [...new Set([...steady.keys(), ...first.keys()])].map((label) => {
    const cells = (times: number[] | undefined, calls: number) =>
      times ? `${Math.round((times.length / calls) * 10) / 10} | ${ms(median(times))}` : "— | —";
    return `| ${label} | ${cells(steady.get(label), warned.length)} | ${cells(first.get(label), created.length)} |`;
  });
  const contextStatement = warned.at(-1)!.statements.find((s) => s.text.includes("policy_settings"))!;
  // The slowest statement of a first review, by median, for its plan.
  const [slowest] = [...first].sort(([, a], [, b]) => median(b) - median(a))[0]!;
  const slowestStatement = created.at(-1)!.statements.find((s) => labelOf(s.text) === slowest)!;
  return { table, breakdown, contextStatement, slowestStatement };
}

/** The statement's plan, run with its values in a transaction rolled back (it may be a write). */
async function explain(statement: TStatement): Promise<string> {
  const { pool } = await import("@/lib/server/db");
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ "QUERY PLAN": string }>(
      `EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`,
      statement.values,
    );
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  } finally {
    await client.query("ROLLBACK");
    client.release();
  }
}

const headersOf = (org: TBenchOrg) => ({ "content-type": "application/json", authorization: `Bearer ${org.token}` });
type TAnswer = { response: { allowed: boolean; warnings?: string[] } };

/** What the app answers a case: "allowed", "warned (4 warnings)", "denied (+1 warning)" or the HTTP status. */
async function answerFor(base: string, org: TBenchOrg, c: TCase): Promise<string> {
  const res = await fetch(`${base}/api/v1/admission/${org.clusterSlug}`, {
    method: "POST",
    headers: headersOf(org),
    body: withUid(c.bodies[0]!),
  });
  if (res.status !== 200) return `HTTP ${res.status}`;
  const { response } = (await res.json()) as TAnswer;
  const warnings = response.warnings?.length ?? 0;
  if (!response.allowed) return `denied${warnings ? ` (+${warnings} warning${warnings > 1 ? "s" : ""})` : ""}`;
  return warnings ? `warned (${warnings} warnings)` : "allowed";
}

/** Each pool object once through the app: the JIT warm, and every answer checked before measuring. */
async function warmUp(base: string, org: TBenchOrg, cases: TCases) {
  for (const c of [cases.deleted, cases.dryRun, cases.warned, cases.denied]) {
    for (const body of c.bodies) {
      const res = await fetch(`${base}/api/v1/admission/${org.clusterSlug}`, {
        method: "POST",
        headers: headersOf(org),
        body: withUid(body),
      });
      if (res.status !== 200) throw new Error(`${c.name}: answered ${res.status} ${await res.text()}`);
    }
    const answer = await answerFor(base, org, c);
    if (!answer.startsWith(c.expect)) throw new Error(`${c.name}: expected ${c.expect}, answered ${answer}`);
  }
}

/**
 * The CPU time (ms) used so far by the app listening at `base`, one of this process's children,
 * read from /proc (Linux, 100 clock ticks a second); null where /proc cannot tell. Unlike latency,
 * CPU per request hardly depends on what else the machine runs.
 */
function appCpuClock(base: string): (() => number) | null {
  try {
    const port = new URL(base).port;
    const hex = `:${Number(port).toString(16).toUpperCase().padStart(4, "0")}`;
    const listening = new Set(
      ["/proc/net/tcp", "/proc/net/tcp6"]
        .flatMap((file) => readFileSync(file, "utf8").split("\n").slice(1))
        .map((line) => line.trim().split(/\s+/))
        .filter((f) => f[1]?.endsWith(hex) && f[3] === "0A")
        .map((f) => `socket:[${f[9]}]`),
    );
    const children = readdirSync("/proc/self/task").flatMap((task) =>
      readFileSync(`/proc/self/task/${task}/children`, "utf8").trim().split(/\s+/).filter(Boolean),
    );
    const pid = children.find((child) =>
      readdirSync(`/proc/${child}/fd`).some((fd) => listening.has(readlinkSync(`/proc/${child}/fd/${fd}`))),
    );
    if (!pid) return null;
    return () => {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      return (Number(fields[11]) + Number(fields[12])) * 10;
    };
  } catch {
    return null;
  }
}

type TRun = { rps: number; p50: number; p90: number; p99: number; errors: number; cpu: number };

async function measureRun(base: string, org: TBenchOrg, c: TCase, connections: number): Promise<TRun> {
  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  const cpu = appCpuClock(base);
  const cpuBefore = cpu?.() ?? NaN;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${base}/api/v1/admission/${org.clusterSlug}`,
        connections,
        duration: SECONDS,
        requests: [
          {
            method: "POST",
            headers: headersOf(org),
            // One counter for all connections: concurrent reviews are of different objects.
            setupRequest: (req) => ({ ...req, body: withUid(c.bodies[next++ % c.bodies.length]!) }),
          },
        ],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on("response", (_client: unknown, status: number, _bytes: number, time: number) => {
      latencies.push(time);
      if (status !== 200) failed++;
    });
  });
  return {
    rps: latencies.length / SECONDS,
    p50: median(latencies),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    errors: failed + result.errors,
    cpu: cpu ? (cpu() - cpuBefore) / Math.max(1, latencies.length) : NaN,
  };
}

function endpointRow(name: string, connections: number, answer: string, runs: TRun[]): string {
  const of = (key: keyof TRun) => median(runs.map((r) => r[key]));
  const p99s = runs.length > 1 ? ` (${runs.map((r) => ms(r.p99).replace(" ms", "")).join(", ")})` : "";
  const errors = runs.reduce((n, r) => n + r.errors, 0);
  const cpu = Number.isNaN(of("cpu")) ? "—" : ms(of("cpu"));
  return `| ${name} | ${connections} | ${answer} | ${Math.round(of("rps"))} | ${ms(of("p50"))} | ${ms(of("p90"))} | ${ms(of("p99"))}${p99s} | ${cpu} | ${errors} |`;
}

runBenchmark(main);

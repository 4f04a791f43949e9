// `npm test`: every check of the project, in order, each as a child process with its output
// streamed under a [label] prefix, ending with one line `N passed, N failed` (the sum over all
// suites). Runs against DATABASE_URL's server when set (CI), else an embedded PostgreSQL.
//
//   npm test                       lint, typecheck, unit, build, e2e, faults, boot
//   npm test -- --only unit,e2e    just those (e2e, faults and boot build first when .next/ has no build)
//   npm test -- --skip build,boot  everything else
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { runBootCheck } from "./lib/boot-check";
import { runChecks } from "./lib/run-checks";
import { runStreamed } from "./lib/run-streamed";
import { ensurePostgresServer, type TPostgresServer } from "./lib/scratch-database";

const SUITES = ["lint", "typecheck", "unit", "build", "e2e", "faults", "boot"] as const;
type TSuite = (typeof SUITES)[number];
type TCount = { passed: number; failed: number; skipped: number; note?: string };

const root = process.cwd();
const bin = (name: string) => path.join(root, "node_modules/.bin", name);
const reports = path.join(root, "test-results");
const VITEST_JSON = path.join(reports, "vitest.json");
const PLAYWRIGHT_JSON = path.join(reports, "playwright.json");
const SERVER_LOG = path.join(reports, "e2e-server.log");

function parseArgs(argv: string[]): TSuite[] {
  const list = (flag: string): TSuite[] | undefined => {
    const i = argv.findIndex((a) => a === flag || a.startsWith(`${flag}=`));
    if (i < 0) return undefined;
    const value = argv[i].includes("=") ? argv[i].split("=")[1] : argv[i + 1];
    const names = (value ?? "").split(",").filter(Boolean);
    const unknown = names.filter((n) => !SUITES.includes(n as TSuite));
    if (unknown.length || !names.length) {
      console.error(`Unknown suite(s) "${unknown.join(",") || value}". Suites: ${SUITES.join(", ")}.`);
      process.exit(2);
    }
    return names as TSuite[];
  };
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(`Usage: npm test [-- --only <suites>] [-- --skip <suites>]\nSuites, in order: ${SUITES.join(", ")}`);
    process.exit(0);
  }
  const only = list("--only");
  const skip = list("--skip") ?? [];
  const chosen = SUITES.filter((s) => (only ? only.includes(s) : true) && !skip.includes(s));
  // e2e, the fault scripts and the boot check run the production build; make one when there is none.
  const needsBuild = chosen.some((s) => s === "e2e" || s === "faults" || s === "boot");
  if (needsBuild && !chosen.includes("build") && !existsSync(path.join(root, ".next/BUILD_ID"))) {
    console.log("No production build in .next/; adding the build step.");
    return SUITES.filter((s) => s === "build" || chosen.includes(s));
  }
  return chosen;
}

const single = (ok: boolean): TCount => ({ passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 });

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return undefined;
  }
}

/** A suite that exited non-zero without any failed test (crash, setup error) still counts as one failure. */
function atLeastOneFailure(count: TCount, exitCode: number | null, what: string): TCount {
  if (exitCode !== 0 && count.failed === 0) return { ...count, failed: 1, note: `${what} exited with ${exitCode}` };
  return count;
}

type TVitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { status: string; assertionResults: { status: string }[] }[];
};

async function runUnit(env: NodeJS.ProcessEnv): Promise<TCount> {
  rmSync(VITEST_JSON, { force: true });
  const result = await runStreamed(
    "unit",
    bin("vitest"),
    ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_JSON}`],
    { env },
  );
  const report = readJson<TVitestReport>(VITEST_JSON);
  if (!report) return atLeastOneFailure({ passed: 0, failed: 0, skipped: 0 }, result.code ?? 1, "vitest");
  // A file that fails to load has no failed test of its own; count it once.
  const brokenFiles = report.testResults.filter(
    (f) => f.status === "failed" && !f.assertionResults.some((a) => a.status === "failed"),
  ).length;
  const count = {
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenFiles,
    skipped: report.numPendingTests + report.numTodoTests,
  };
  return atLeastOneFailure(count, result.code, "vitest");
}

type TPlaywrightReport = {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  errors: { message?: string }[];
};

async function runE2e(env: NodeJS.ProcessEnv): Promise<TCount> {
  rmSync(PLAYWRIGHT_JSON, { force: true });
  const result = await runStreamed("e2e", bin("playwright"), ["test"], {
    env: { ...env, BUMPERS_E2E_JSON: PLAYWRIGHT_JSON },
  });
  const report = readJson<TPlaywrightReport>(PLAYWRIGHT_JSON);
  let count: TCount = report
    ? {
        passed: report.stats.expected + report.stats.flaky,
        failed: report.stats.unexpected + (report.stats.unexpected === 0 && report.errors.length ? 1 : 0),
        skipped: report.stats.skipped,
      }
    : { passed: 0, failed: 0, skipped: 0 };
  count = atLeastOneFailure(count, result.code, "playwright");
  if (count.failed && existsSync(SERVER_LOG)) {
    // The app's own log explains most e2e failures; CI keeps nothing else.
    const tail = readFileSync(SERVER_LOG, "utf8").trimEnd().split("\n").slice(-40);
    console.log(`[e2e] last lines of ${path.relative(root, SERVER_LOG)}:`);
    for (const line of tail) console.log(`[e2e-server] ${line}`);
  }
  return count;
}

async function runBuild(env: NodeJS.ProcessEnv): Promise<TCount> {
  if (!existsSync(path.join(root, "lib/generated/prisma/client.ts"))) {
    const generated = await runStreamed("build", "npm", ["run", "db:generate"], { env });
    if (generated.code !== 0) return single(false);
  }
  const result = await runStreamed("build", bin("next"), ["build"], { env });
  return single(result.code === 0);
}

/** The short load and fault scripts (each runs its own embedded PostgreSQL); each check counts as a test. */
async function runFaults(env: NodeJS.ProcessEnv): Promise<TCount> {
  const tsx = ["--conditions=react-server"];
  const load = await runChecks("load", bin("tsx"), [...tsx, "scripts/load-test.ts", "--short"], env);
  const faults = await runChecks("faults", bin("tsx"), [...tsx, "scripts/fault-test.ts", "--short"], env);
  return { passed: load.passed + faults.passed, failed: load.failed + faults.failed, skipped: 0 };
}

async function runSuite(suite: TSuite, env: NodeJS.ProcessEnv): Promise<TCount> {
  switch (suite) {
    case "lint":
      return single((await runStreamed("lint", bin("eslint"), [".", "--max-warnings", "0"], { env })).code === 0);
    case "typecheck": {
      // PageProps, LayoutProps and typed links come from the route types Next generates into .next/types.
      const typegen = await runStreamed("typecheck", bin("next"), ["typegen"], { env });
      return single(
        typegen.code === 0 && (await runStreamed("typecheck", bin("tsc"), ["--noEmit"], { env })).code === 0,
      );
    }
    case "unit":
      return runUnit(env);
    case "build":
      return runBuild(env);
    case "e2e":
      return runE2e(env);
    case "faults":
      return runFaults(env);
    case "boot": {
      const checks = await runBootCheck(root, (line) => console.log(`[boot] ${line}`));
      const failed = checks.filter((c) => c.ok === false);
      for (const c of failed) console.log(`[boot] FAILED: ${c.name}${c.detail ? ` — ${c.detail}` : ""}`);
      return {
        passed: checks.filter((c) => c.ok === true).length,
        failed: failed.length || (checks.length ? 0 : 1),
        skipped: checks.filter((c) => c.ok === "skipped").length,
      };
    }
  }
}

const formatDuration = (ms: number) =>
  ms >= 60_000
    ? `${Math.floor(ms / 60_000)}m${String(Math.round((ms % 60_000) / 1000)).padStart(2, "0")}s`
    : `${(ms / 1000).toFixed(1)}s`;

function summaryLine(total: TCount): string {
  return `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`;
}

async function main(): Promise<void> {
  const suites = parseArgs(process.argv.slice(2));
  mkdirSync(reports, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  if (process.stdout.isTTY && !env.NO_COLOR) env.FORCE_COLOR ??= "1";

  let server: TPostgresServer | undefined;
  if (suites.includes("unit") || suites.includes("e2e")) {
    server = await ensurePostgresServer({ dir: path.join(root, ".data/test-postgres") });
    // Vitest and the e2e setup each create their own fresh database on this server.
    env.DATABASE_URL = server.url;
    console.log(
      server.embedded
        ? `Using an embedded PostgreSQL (data in .data/test-postgres) at ${new URL(server.url).host}.`
        : `Using the PostgreSQL server of DATABASE_URL (${new URL(server.url).host}).`,
    );
  }

  const results: { suite: TSuite; count: TCount; ms: number }[] = [];
  try {
    for (const suite of suites) {
      console.log(`\n━━ ${suite} ${"━".repeat(Math.max(0, 60 - suite.length))}`);
      const started = Date.now();
      let count: TCount;
      try {
        count = await runSuite(suite, env);
      } catch (err) {
        console.error(`[${suite}] ${(err as Error).stack ?? err}`);
        count = { ...single(false), note: (err as Error).message };
      }
      results.push({ suite, count, ms: Date.now() - started });
    }
  } finally {
    await server?.stop();
  }

  console.log(`\n━━ summary ${"━".repeat(53)}`);
  for (const { suite, count, ms } of results) {
    const status = count.failed ? "FAIL" : "ok  ";
    const detail = `${summaryLine(count)}${count.note ? ` (${count.note})` : ""}`;
    console.log(`${status} ${suite.padEnd(10)} ${detail.padEnd(44)} ${formatDuration(ms)}`);
  }
  const total = results.reduce<TCount>(
    (sum, r) => ({
      passed: sum.passed + r.count.passed,
      failed: sum.failed + r.count.failed,
      skipped: sum.skipped + r.count.skipped,
    }),
    { passed: 0, failed: 0, skipped: 0 },
  );
  console.log(summaryLine(total));
  process.exit(total.failed ? 1 : 0);
}

void main();

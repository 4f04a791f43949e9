import { randomBytes } from "node:crypto";
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import {
  createDatabaseIfMissing,
  removeDataDirectory,
  startEmbeddedPostgres,
  type TLocalPostgres,
} from "./local-postgres";
import { waitForHealthy } from "./ports";

// The processes of `npm start`, run separately so the load and fault scripts can kill and restart
// each one: PostgreSQL (embedded, owned by the script, so stopping it disturbs no one), `next start`
// from the build, and workers (scripts/worker.ts). Loopback only.

export type TOwnedPostgres = {
  url: (database: string) => string;
  start: () => Promise<void>;
  stop: () => Promise<void>;
  dispose: () => Promise<void>;
};

/** A PostgreSQL the script starts, stops and restarts itself, with its data in a fresh `dir`. */
export async function startOwnedPostgres(options: { dir: string; port: number }): Promise<TOwnedPostgres> {
  const dir = path.resolve(options.dir);
  removeDataDirectory(dir);
  const launch = () => startEmbeddedPostgres({ dir, port: options.port, database: "postgres" });
  let server: TLocalPostgres | undefined = await launch();
  const url = (database: string) => `postgresql://postgres:postgres@127.0.0.1:${options.port}/${database}`;
  return {
    url,
    async start() {
      server = await launch();
    },
    async stop() {
      await server?.stop();
      server = undefined;
    },
    async dispose() {
      await server?.stop().catch(() => undefined);
      server = undefined;
      removeDataDirectory(dir);
    },
  };
}

export async function createDatabase(pg: TOwnedPostgres, name: string): Promise<string> {
  await createDatabaseIfMissing(pg.url("postgres"), name);
  return pg.url(name);
}

/**
 * A new database `name` on `pg`, migrated, with DATABASE_URL and the secrets set for the lib code
 * the script imports (and the processes it starts inherit).
 */
export async function createMigratedDatabase(pg: TOwnedPostgres, name: string): Promise<string> {
  const databaseUrl = await createDatabase(pg, name);
  process.env.DATABASE_URL = databaseUrl;
  process.env.BUMPERS_ENCRYPTION_KEY ||= randomBytes(32).toString("base64");
  process.env.NEXTAUTH_SECRET ||= randomBytes(16).toString("hex");
  const { migrate } = await import("@/lib/server/migrations");
  await migrate(databaseUrl);
  return databaseUrl;
}

/**
 * The environment of the app and workers: this database, PagerDuty at `pagerDutyUrl` (a fake), and
 * the API and ingest rate limits off (full speed is the point, not the 429s of their limits).
 */
export function processEnv(databaseUrl: string, pagerDutyUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PAGERDUTY_EVENTS_URL: pagerDutyUrl,
    BUMPERS_RATE_LIMIT_API_PER_MINUTE: "0",
    BUMPERS_RATE_LIMIT_INGEST_PER_MINUTE: "0",
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

/** Runs a check script's main(); if the run itself throws, that is one more failed check, exit 1. */
export function runCheckScript(name: string, main: () => Promise<unknown>): void {
  main().catch((err) => {
    console.error(`[${name}] ${(err as Error).stack ?? err}`);
    console.log(`CHECK FAIL ${name}: the run itself`);
    process.exit(1);
  });
}

export type TChild = {
  name: string;
  process: ChildProcess;
  /** Every stdout line so far (the worker logs each report it finishes). */
  lines: string[];
  alive: () => boolean;
  exited: Promise<void>;
  kill: (signal?: NodeJS.Signals) => Promise<void>;
};

function launch(name: string, args: string[], options: { root: string; env: NodeJS.ProcessEnv; logDir: string }) {
  mkdirSync(options.logDir, { recursive: true });
  const log = createWriteStream(path.join(options.logDir, `${name}.log`), { flags: "a" });
  const child = spawn(process.execPath, args, {
    cwd: options.root,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  let pending = "";
  child.stdout!.setEncoding("utf8");
  child.stdout!.on("data", (chunk: string) => {
    log.write(chunk);
    const parts = (pending + chunk).split("\n");
    pending = parts.pop() ?? "";
    lines.push(...parts);
  });
  child.stderr!.on("data", (chunk: Buffer) => log.write(chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    name,
    process: child,
    lines,
    alive: () => child.exitCode === null && child.signalCode === null,
    exited,
    async kill(signal: NodeJS.Signals = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited;
    },
  } satisfies TChild;
}

export type TAppOptions = { root: string; env: NodeJS.ProcessEnv; logDir: string };

/** `next start` on `port`, waiting until /api/health answers 200. */
export async function startApp(port: number, options: TAppOptions): Promise<TChild> {
  if (!existsSync(path.join(options.root, ".next/BUILD_ID"))) throw new Error("no production build: npm run build");
  const app = launch(
    `app-${port}`,
    [path.join(options.root, "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)],
    { ...options, env: { ...options.env, NODE_ENV: "production", NEXTAUTH_URL: `http://127.0.0.1:${port}` } },
  );
  await waitForHealthy(`http://127.0.0.1:${port}/api/health`, { timeoutMs: 120_000, isAlive: app.alive });
  return app;
}

/** A worker process (scripts/worker.ts), as `npm start` runs it; resolves once it logs that it runs. */
export async function startWorker(name: string, options: TAppOptions): Promise<TChild> {
  const worker = launch(
    name,
    // tsx as a loader in this process (not its CLI, which runs the script in a child process):
    // a SIGKILL must hit the worker itself.
    ["--conditions=react-server", "--import", "tsx", path.join(options.root, "scripts/worker.ts")],
    options,
  );
  const deadline = Date.now() + 60_000;
  while (!worker.lines.some((l) => l.includes("processing reports"))) {
    if (!worker.alive()) throw new Error(`${name} exited during start (see ${options.logDir}/${name}.log)`);
    if (Date.now() > deadline) throw new Error(`${name} did not start within 60 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return worker;
}

/** Report ids a worker logged as finished ("report <id> processed|failed"), with how often. */
export function finishedReports(workers: readonly TChild[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of workers) {
    for (const line of w.lines) {
      const m = /\breport ([0-9a-f-]{36}) (processed|failed)/.exec(line);
      if (m) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
    }
  }
  return counts;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
